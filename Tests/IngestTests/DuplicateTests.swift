@testable import Ingest
import Model
import Testing

@Suite struct DuplicateTests {
    let accidentHeader = row(1, "事故编号", "发生时间", "区县", "行业领域", "死亡人数")

    /// Same id within a kind: one record, the later file wins in the table, and the dropped (earlier)
    /// row is in rejects naming the row that replaced it.
    @Test func sameIdLaterFileWins() throws {
        let result = ingest([
            .csv("2020/东城区.csv", [accidentHeader, row(2, "SG-1", "2020-01-01", "东城区", "商贸", "1"),
                                     row(3, "SG-2", "2020-01-02", "东城区", "商贸", "1")]),
            .csv("2021/东城区更正.csv", [accidentHeader, row(5, "SG-1", "2020-01-01", "东城区", "商贸", "2")]),
        ], config: sampleConfig)
        let a = result.dataset.accidents
        #expect(a.count == 2)
        #expect(a.deaths == [2, 1], "the corrected record replaced the first one in place")
        #expect(result.dataset.describe(a.provenance[0]) == "2021/东城区更正.csv 第5行")
        let dropped = try #require(result.rejects.first)
        #expect(dropped.file == "2020/东城区.csv")
        #expect(dropped.row == 2)
        #expect(dropped.isDuplicate)
        #expect(dropped.column == "事故编号")
        #expect(dropped.value == "SG-1")
        #expect(dropped.reason.contains("2021/东城区更正.csv 第5行"))
        #expect(result.sheet("2020/东城区.csv")?.duplicates == 1)
        #expect(result.sheet("2020/东城区.csv")?.accepted == 1)
        #expect(result.sheet("2021/东城区更正.csv")?.accepted == 1)
        expectConservation(result)
    }

    @Test func idsAreSeparatePerKind() throws {
        let result = ingest([.xlsx("a.xlsx", [
            ("事故", [accidentHeader, row(2, "X1", "2020-01-01", "东城区", "商贸", "1")]),
            ("火灾", [row(1, "事故编号", "发生时间", "区县", "起火原因", "死亡人数"), row(2, "X1", "2020-01-01", "东城区", "电气", "0")]),
        ])], config: sampleConfig)
        #expect(result.dataset.accidents.count == 1)
        #expect(result.dataset.fires.count == 1)
        #expect(result.rejects.isEmpty)
    }

    @Test func sameIdInOneSheetLaterRowWins() throws {
        let result = ingest([.csv("a.csv", [accidentHeader, row(2, "A", "2020-01-01", "东城区", "商贸", "1"),
                                            row(3, "A", "2020-01-01", "东城区", "商贸", "3")])], config: sampleConfig)
        #expect(result.dataset.accidents.deaths == [3])
        #expect(result.rejects.map(\.row) == [2])
        expectConservation(result)
    }

    /// Id-less rows identical in every mapped field from different files are counted once; within
    /// one file they are separate records (two inspections of one unit on one day).
    @Test func identicalRowsAcrossFilesCountOnce() throws {
        let header = row(1, "检查日期", "区县", "单位名称", "发现隐患数")
        let result = ingest([
            .csv("a.csv", [header, row(2, "2020-01-01", "东城区", "甲", "2"), row(3, "2020-01-01", "东城区", "甲", "2")]),
            .csv("b.csv", [header, row(7, "2020-01-01", "东城", "甲", "2"), row(8, "2020-01-01", "东城区", "甲", "3")]),
        ], config: sampleConfig)
        #expect(result.dataset.inspections.count == 3)
        let dup = try #require(result.rejects.first)
        #expect(dup.file == "b.csv")
        #expect(dup.row == 7)
        #expect(dup.reason.contains("a.csv 第2行"))
        #expect(result.sheet("b.csv")?.duplicates == 1)
        #expect(result.sheet("a.csv")?.duplicates == 0)
        expectConservation(result)
    }

    /// The first hazard file's table becomes the dataset's as it is when its ids are distinct, and
    /// is merged row by row when not: both ways, ids registered for later files and the same records.
    @Test func hazardIdsOfTheFirstFileAreKnownToLaterFiles() throws {
        let header = row(1, "隐患编号", "排查日期", "区县", "单位名称", "整改状态")
        for firstHasDuplicate in [false, true] {
            let first = [header, row(2, "YH-1", "2020-01-01", "东城区", "甲", "已整改"), row(3, "YH-2", "2020-01-02", "东城", "乙", "未整改")]
                + (firstHasDuplicate ? [row(4, "YH-1", "2020-01-03", "东城区", "甲", "已整改")] : [])
            let result = ingest([
                .csv("a.csv", first),
                .csv("b.csv", [header, row(2, "YH-2", "2020-01-02", "东城区", "乙", "已整改")]),
            ], config: sampleConfig)
            let h = result.dataset.hazards
            #expect(h.count == 2)
            #expect(h.provenance.map { result.dataset.describe($0) } == [firstHasDuplicate ? "a.csv 第4行" : "a.csv 第2行", "b.csv 第2行"])
            #expect(h.districts == ["东城区", "东城区"])
            #expect(result.rejects.map { "\($0.file) \($0.row)" } == (firstHasDuplicate ? ["a.csv 2", "a.csv 3"] : ["a.csv 3"]))
            expectConservation(result)
        }
    }

    @Test func hazardsDifferingOnlyInDescriptionAreNotDuplicates() throws {
        let header = row(1, "排查日期", "区县", "单位名称", "隐患描述", "整改状态")
        let result = ingest([
            .csv("a.csv", [header, row(2, "2020-01-01", "东城区", "甲", "消防通道堵塞", "已整改")]),
            .csv("b.csv", [header, row(2, "2020-01-01", "东城区", "甲", "配电箱未接地", "已整改"),
                           row(3, "2020-01-01", "东城区", "甲", "消防通道堵塞", "已整改")]),
        ], config: sampleConfig)
        #expect(result.dataset.hazards.count == 2)
        #expect(result.rejects.map(\.row) == [3])
        expectConservation(result)
    }

    @Test func rejectsAreInFileSheetRowOrder() throws {
        let result = ingest([
            .xlsx("a.xlsx", [
                ("S1", [accidentHeader, row(2, "A", "2020-01-01", "东城区", "商贸", "1"), row(3, "", "bad", "东城区", "商贸", "1")]),
                ("S2", [accidentHeader, row(2, "", "bad", "东城区", "商贸", "1")]),
            ]),
            .csv("b.csv", [accidentHeader, row(2, "A", "2020-01-01", "东城区", "商贸", "1")]),
        ], config: sampleConfig)
        #expect(result.rejects.map { "\($0.file) \($0.sheet ?? "") \($0.row)" } == ["a.xlsx S1 2", "a.xlsx S1 3", "a.xlsx S2 2"])
        expectConservation(result)
    }
}

@Suite struct ConfigFileTests {
    let text = """
    [region]
    name = "示例市"
    level = "市"

    [districts]             # canonical name = [aliases]
    "西城区" = ["西城"]
    "东城区" = ["东城", "东城新区"]

    [industries]
    "危险化学品" = ["危化企业"]

    [headers]
    "死亡人数" = ["亡"]

    [[targets]]
    year = 2020
    district = "东城"
    metric = "事前处罚起数"
    target = 80

    [[targets]]
    year = 2020
    metric = "隐患整改率"
    target = 95.5
    """

    @Test func readsEverySection() throws {
        let loaded = try ConfigFile.load(text: text)
        let c = loaded.config
        #expect(c.name == "示例市")
        #expect(c.level == .city)
        #expect(c.parts == ["西城区", "东城区"], "file order, not sorted")
        #expect(c.partAliases["东城新区"] == "东城区")
        #expect(c.industryAliases["危化企业"] == "危险化学品")
        #expect(loaded.headerAliases[field("死亡人数")] == ["亡"])
        #expect(c.targets.count == 2)
        #expect(c.targets[0] == Target(year: 2020, part: "东城区", metric: "事前处罚起数", value: ExactDecimal(80), origin: "config.toml 第15行"))
        #expect(c.targets[1].part == nil)
        #expect(c.targets[1].value == ExactDecimal(significand: 955, exponent: -1))
        #expect(loaded.warnings.isEmpty)
    }

    @Test func configAliasesReachIngest() throws {
        let loaded = try ConfigFile.load(text: text)
        let result = ingest([.csv("a.csv", [row(1, "发生时间", "区县", "行业领域", "亡"),
                                            row(2, "2020-01-01", "东城新区", "危化企业", "2")])],
                            config: loaded.config, headerAliases: loaded.headerAliases)
        let d = result.dataset
        #expect(d.accidents.deaths == [2])
        #expect(d.accidents.districts[0] == "东城区")
        #expect(d.accidents.industries[0] == "危险化学品")
    }

    @Test func districtLevelWithTowns() throws {
        let c = try ConfigFile.load(text: "[region]\nname = \"金坛区\"\nlevel = \"区\"\n[districts]\n\"金城镇\" = []\n").config
        #expect(c.level == .district)
        #expect(c.parts == ["金城镇"])
        #expect(c.partAliases["金城"] == "金城镇", "a part answers to its name without 镇")
        #expect(c.regionAliases.contains("金坛"))
    }

    @Test func defaultsWithoutSections() throws {
        let c = try ConfigFile.load(text: "").config
        #expect(c.name == "本市")
        #expect(c.level == .city)
        #expect(c.parts.isEmpty)
    }

    @Test func errorsNameTheLine() {
        func line(_ text: String) -> Int? {
            do { _ = try ConfigFile.load(text: text); return nil } catch { return error.line }
        }
        #expect(line("[region]\nname = \"x\"\nlevel = \"省\"\n") == 3)
        #expect(line("[region]\nname = \"x\"\n\n[districts\n") == 4)
        #expect(line("[headers]\n\"死亡人数\" = [\"亡\"]\n\"伤亡\" = [\"x\"]\n") == 3)
        #expect(line("[districts]\n\"东城区\" = [\"城区\"]\n\"西城区\" = [\"城区\"]\n") == 3)
        #expect(line("[[targets]]\nyear = 2020\nmetric = \"x\"\ntarget = 2\n\n[[targets]]\nyear = 2020\ntarget = 1\n") == 6)
        #expect(line("[[targets]]\nyear = 2020\nmetric = \"x\"\ntarget = \"很多\"\n") == 4)
        #expect(line("[[targets]]\nyear = 2020\ndistrict = \"北城区\"\nmetric = \"x\"\ntarget = 1\n[districts]\n\"东城区\" = []\n") == 3)
    }

    @Test func errorMessageReadsWithFileAndLine() {
        do {
            _ = try ConfigFile.load(text: "[region]\nlevel = 3\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("config.toml 第2行："))
        }
    }

    @Test func unknownSectionsStop() {
        #expect(throws: IngestError(path: "config.toml", line: 1, message: "未知的配置节 [district]，是否应为 [districts]？")) {
            try ConfigFile.load(text: "[district]\n\"东城区\" = []\n")
        }
    }
}

@Suite struct SHA256Tests {
    func hex(_ s: String) -> String { SHA256.hex(SHA256.hash(Array(s.utf8))) }

    @Test func knownVectors() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func streamingInPiecesEqualsOneShot() {
        var rng = SeededGenerator(seed: 9)
        let bytes = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let whole = SHA256.hash(bytes)
        for chunk in [1, 3, 63, 64, 65, 1000] {
            var h = SHA256()
            var i = 0
            while i < bytes.count {
                h.update(Array(bytes[i..<min(i + chunk, bytes.count)]))
                i += chunk
            }
            #expect(h.finalize() == whole, "chunk \(chunk)")
        }
    }
}
