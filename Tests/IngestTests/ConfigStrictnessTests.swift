import Testing
@testable import Ingest

/// config.toml is strict (issue 12): anything the tool does not know, or a value of the wrong type,
/// stops with the line and the nearest known name; the parser's errors are said in Chinese.
@Suite struct ConfigStrictnessTests {
    /// The message of the error the text gives, `config.toml 第N行：…`; nil when it loads.
    func error(_ text: String) -> String? {
        do { _ = try ConfigFile.load(text: text); return nil } catch { return error.description }
    }

    @Test func aMisspeltSectionNamesTheNearestOne() {
        #expect(error("[regoin]\nname = \"示例市\"\n") == "config.toml 第1行：未知的配置节 [regoin]，是否应为 [region]？")
        #expect(error("[region]\nname = \"示例市\"\n\n[distrcts]\n东城区 = []\n") == "config.toml 第4行：未知的配置节 [distrcts]，是否应为 [districts]？")
        #expect(error("[[target]]\nyear = 2020\n") == "config.toml 第1行：未知的配置节 [target]，是否应为 [[targets]]？")
        #expect(error("[industry]\n") == "config.toml 第1行：未知的配置节 [industry]，是否应为 [industries]？")
        #expect(error("[目标]\n") == "config.toml 第1行：未知的配置节 [目标]，是否应为 [[targets]]？（配置节名须用英文）")
        #expect(error("[whatever]\n")?.hasPrefix("config.toml 第1行：未知的配置节 [whatever]（可用的配置节：[region]、[districts]") == true)
    }

    @Test func aMisspeltKeyNamesTheNearestOne() {
        #expect(error("[region]\nnmae = \"示例市\"\n") == "config.toml 第2行：[region] 中未知的配置项 nmae，是否应为 name？")
        #expect(error("[region]\nname = \"示例市\"\ncolour = 1\n") == "config.toml 第3行：[region] 中未知的配置项 colour（可写的配置项：name、level、aliases）")
        #expect(error("[[targets]]\nyear = 2020\nmetric = \"事故起数\"\ntarget = 1\n\n[[targets]]\nyaer = 2021\n")
                == "config.toml 第7行：[[targets]] 中未知的配置项 yaer，是否应为 year？")
        #expect(error("name = \"示例市\"\n[region]\n") == "config.toml 第1行：配置项 name 应写在 [region] 下面（在它前面加一行 [region]）")
    }

    @Test func aValueOfTheWrongTypeSaysWhatWasExpected() {
        #expect(error("[region]\nname = 3\n") == "config.toml 第2行：[region] 的 name 应为文字（用英文双引号括起，如 \"示例市\"），而这里是整数 3")
        #expect(error("[districts]\n东城区 = [\"东城\", 2]\n")
                == "config.toml 第2行：[districts] 的「东城区」应为文字或文字列表（如 \"东城\" 或 [\"东城\", \"东城新区\"]），而这里是列表，其中有整数 2")
        #expect(error("[[targets]]\nyear = \"2020\"\nmetric = \"事故起数\"\ntarget = 1\n")
                == "config.toml 第2行：[[targets]] 的 year 应为整数（如 2020），而这里是文字「2020」")
        #expect(error("[targets]\nyear = 2020\n") == "config.toml 第1行：targets 应写成 [[targets]]（每项一段，以 [[targets]] 开头），而不是 [targets]")
        #expect(error("[[region]]\nname = \"x\"\n") == "config.toml 第1行：[region] 只能写一次，应写成 [region]，而不是 [[region]]")
        #expect(error("region = \"示例市\"\n") == "config.toml 第1行：region 应写成配置节 [region]，其下每行写一项「名称 = 值」")
    }

    @Test func anAliasBelongsToOneDistrict() {
        #expect(error("[districts]\n\"东城区\" = [\"城区\"]\n\"西城区\" = [\"城区\"]\n")
                == "config.toml 第3行：别名「城区」已经是「东城区」的别名，不能又给「西城区」（一个别名只能属于一个地区）")
        // An alias that is another district's own name, whichever of the two comes first.
        #expect(error("[districts]\n\"东城区\" = [\"西城区\"]\n\"西城区\" = []\n")
                == "config.toml 第2行：别名「西城区」是另一个区县的名称「西城区」，不能又给「东城区」（一个别名只能属于一个地区）")
        #expect(error("[region]\nname = \"示例市\"\n[districts]\n\"东城区\" = [\"示例市\"]\n")
                == "config.toml 第4行：别名「示例市」是本地区 [region] 的名称或别名，不能又给「东城区」")
        #expect(error("[industries]\n\"危险化学品\" = [\"危化\"]\n\"燃气\" = [\"危化\"]\n")?.contains("别名「危化」已经属于行业") == true)
        #expect(error("[headers]\n\"死亡人数\" = [\"亡\"]\n\"受伤人数\" = [\"亡\"]\n")?.contains("表头别名「亡」已经属于「") == true)
        #expect(error("[headers]\n\"死亡人\" = [\"亡\"]\n") == "config.toml 第2行：「死亡人」不是已知的字段名，是否应为「死亡人数」？")
    }

    /// What toml++ says in English, and what the writer reads instead.
    @Test(arguments: [
        ("[region]\nname = \"示例市\nlevel = \"市\"\n", "config.toml 第2行：字符串缺少结束引号"),
        ("[region]\nlevel = \"市\"\nname = \"示例市", "config.toml 第3行：字符串缺少结束引号"),
        ("[region]\nname = \"\"\"示例市\n\nlevel = 1\n", "config.toml 第2行：多行字符串缺少结束的三引号（\"\"\" 或 '''）"),
        ("[region\nname = \"示例市\"\n", "config.toml 第1行：配置节名缺少结束的 ]（应写成 [region] 这样）"),
        ("[region]\nname = \n", "config.toml 第2行：「=」后面缺少值（文字要加英文双引号，如 name = \"示例市\"；数字直接写，如 year = 2020）"),
        ("[region]\nname = 示例市\n", "config.toml 第2行：无法识别的值：文字要用英文双引号括起（如 \"东城区\"），数字直接写（如 2020），真假写 true 或 false"),
        ("[region]\nname = “示例市”\n", "config.toml 第2行：文字须用英文半角双引号 \" 括起，而不是中文引号 “ ” 或「」"),
        ("[districts]\n东城区 = [\"东城\"，\"东城新区\"]\n", "config.toml 第2行：这里用了中文符号「，」，config.toml 的符号须为英文半角「,」"),
        ("[region]\nname = \"a\"\nname = \"b\"\n", "config.toml 第3行：「name」重复出现，同一配置节中每项只能写一次"),
        ("[region]\n[region]\n", "config.toml 第2行：配置节 [region]重复出现，同一配置节只能写一次"),
        ("[districts]\n东城区 = [\"东城\" \"东城新区\"]\n", "config.toml 第2行：列表的各项之间要用英文逗号 , 分隔，列表以 ] 结束"),
        ("[region]\nname = \"x\" level = \"市\"\n", "config.toml 第2行：一行只能写一项「名称 = 值」，「l」及其后的内容多余（多个值请写成列表 [\"甲\", \"乙\"]）"),
        ("[[targets]]\nyear = 02020\n", "config.toml 第2行：数字不能以 0 开头（如 01）；若是编号等文字请加英文双引号"),
        ("[region]\npath = \"C:\\q\"\n", "config.toml 第2行：字符串中的反斜杠 \\ 须写成 \\\\（或把整个字符串改用单引号 '…' 括起），例如文件夹路径"),
    ])
    func syntaxErrorsReadInChinese(_ text: String, _ expected: String) {
        let message = error(text)
        #expect(message == expected)
        #expect(message?.contains("Error while parsing") == false)
    }

    /// The catalog's sections (CATALOG.md) are known, so a catalog config does not fail here.
    @Test func catalogSectionsAreKnown() throws {
        let text = """
        [region]
        name = "示例市"

        [[fields]]
        name = "培训类型"
        type = "text"

        [[kinds]]
        name = "安全培训"
        date = "培训日期"
        fields = [{ name = "培训日期", type = "date", required = true }]

        [[metrics]]
        id = "hazards.campaign.found"
        name = "专项整治排查隐患数"
        kind = "隐患"
        where = { "来源" = ["专项整治"] }

        [[breakdowns]]
        kind = "隐患"
        by = "来源"

        [[periods]]
        name = "专项整治以来"
        from = 2019-12-01

        [[lists]]
        name = "较大及以上事故"
        kind = "事故"
        """
        let loaded = try ConfigFile.load(text: text)
        #expect(loaded.config.name == "示例市")
        #expect(error("[metrics]\nid = \"x\"\n")?.hasPrefix("config.toml 第1行：metrics 应写成 [[metrics]]") == true)
    }

    @Test func nearestNameIsATypoAwayOnly() {
        #expect(NearestName.suggest("regoin", among: ["region", "districts"]) == "region")
        #expect(NearestName.suggest("xyz", among: ["name", "level"]) == nil)
        #expect(NearestName.distance(Array("kitten"), Array("sitting")) == 3)
    }
}
