import Testing
@testable import Ingest

@Suite struct TOMLUnicodeKeysTests {
    /// Unquoted Chinese keys, as a writer types them, read like their quoted form (TOML 1.1).
    @Test func chineseBareKeysAreQuoted() {
        let typed = "[districts]\n东城区 = [\"东城\", '东城新区']   # 别名\n西湖区.x = 1\n[[地区.目标]]\nname = \"区 = 县\"\n"
        #expect(TOMLUnicodeKeys.quoted(typed)
            == "[districts]\n\"东城区\" = [\"东城\", '东城新区']   # 别名\n\"西湖区\".x = 1\n[[\"地区\".\"目标\"]]\nname = \"区 = 县\"\n")
    }

    /// Keys of inline tables — `where = { 来源 = …, 隐患等级 = … }`, fields inside an array — too, and
    /// only keys: values, array items and quoted keys stay as written.
    @Test func inlineTableKeysAreQuoted() {
        let typed = "where = { 来源 = [\"专项, 整治\", \"暗访\"], \"隐患等级\" = \"一般\", 已整改 = true }\nfields = [\n  { name = \"日期\", 类型 = \"date\" },\n  \"区县\",\n]\n"
        #expect(TOMLUnicodeKeys.quoted(typed)
            == "where = { \"来源\" = [\"专项, 整治\", \"暗访\"], \"隐患等级\" = \"一般\", \"已整改\" = true }\nfields = [\n  { name = \"日期\", \"类型\" = \"date\" },\n  \"区县\",\n]\n")
    }

    /// Strings, comments, values and ASCII keys stay byte for byte, also multi-line ones.
    @Test func everythingElseIsUntouched() {
        let text = "# 说明 [地区] 东城区 = 1\na = \"\"\"\n东城区 = 1\n[地区]\"\"\"\nb = [\n  \"东城\",\n  1,\n]\nc = '''\n[西湖]'''\n\"已引\" = 2\n"
        #expect(TOMLUnicodeKeys.quoted(text) == text)
    }

    /// A Chinese table header used to abort the process inside the TOML parser; now it parses, and
    /// as a section the config does not know it is an error naming the English one.
    @Test func aChineseTableHeaderParses() throws {
        let loaded = try ConfigFile.load(text: "[region]\nname = \"示例市\"\nlevel = \"市\"\n[districts]\n东城区 = [\"东城\"]\n")
        #expect(loaded.config.partAliases["东城"] == "东城区")
        #expect(throws: IngestError(path: "config.toml", line: 6, message: "未知的配置节 [地区]，是否应为 [region]？（配置节名须用英文）")) {
            try ConfigFile.load(text: "[region]\nname = \"示例市\"\nlevel = \"市\"\n[districts]\n东城区 = [\"东城\"]\n[地区]\n")
        }
    }

    /// Errors after quoting still name the line the writer typed.
    @Test func errorsKeepTheirLine() {
        do {
            _ = try ConfigFile.load(text: "[region]\nname = \"示例市\"\n\n名称 = \n")
            Issue.record("a key without a value must be an error")
        } catch {
            #expect(error.line == 4)
        }
    }
}
