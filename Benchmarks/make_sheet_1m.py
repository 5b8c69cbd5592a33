#!/usr/bin/env python3
"""Writes the XLSX reading benchmark: one sheet of 1 000 000 hazard rows (12 columns, shared strings,
Chinese text, real dates), written by xlsxwriter as QUALITY.md describes. Deterministic (fixed seed).

    pip install xlsxwriter
    python3 Benchmarks/make_sheet_1m.py /tmp/sheet-1m.xlsx [rows]

The output is benchmark data: keep it out of git.
"""
import datetime
import random
import sys

rng = random.Random(20200319)

districts = ["金坛区", "溧阳市", "武进区", "新北区", "天宁区", "钟楼区", "经开区", "奉化区", "鄞州区", "海曙区"]
towns = [f"{d[:2]}{n}镇" for d in districts for n in ["东", "西", "南", "北", "中", "新", "城", "港", "湖", "山"]]
industries = ["危险化学品", "非煤矿山", "冶金", "有色", "建材", "机械", "轻工", "纺织", "商贸", "工贸其他",
              "建筑施工", "道路运输", "消防", "特种设备", "烟花爆竹", "燃气", "其他"]
units = [f"{rng.choice(towns)}{rng.choice(['宏达', '恒信', '新华', '金鼎', '华泰', '永安', '顺达', '远大'])}"
         f"{rng.choice(['机械', '化工', '纺织', '建材', '物流', '商贸'])}有限公司{i}" for i in range(20_000)]
problems = ["消防通道堵塞", "安全出口标识缺失", "灭火器过期未检", "电气线路私拉乱接", "特种作业人员无证上岗",
            "危化品储存不规范", "应急预案未演练", "安全培训记录不全", "防护栏缺失", "有限空间作业未审批",
            "粉尘清扫不及时", "气瓶混放", "警示标志不全", "安全管理制度不健全", "设备未定期检验"]
descriptions = [f"{p}，{q}" for p in problems for q in ["责令限期整改", "现场立即整改", "已下达整改通知书",
                                                      "需企业自查自改", "列入复查计划"]]
sources = ["执法检查", "专项整治", "暗访", "企业自查", "交叉检查"]
after_setup = rng.getstate()

HEADER = ["隐患编号", "排查日期", "区县", "镇街", "单位名称", "行业领域", "隐患等级", "隐患描述",
          "整改状态", "整改期限", "整改完成日期", "挂牌督办"]


def hazard_rows(rows):
    """The data rows, one list per row (dates as datetime.date, None for an empty cell), in the
    order the random draws were always made, so the workbook stays the same file."""
    rng.setstate(after_setup)    # every call gives the same rows
    start = datetime.date(2019, 1, 1)
    for r in range(1, rows + 1):
        found = start + datetime.timedelta(days=rng.randrange(730))
        deadline = found + datetime.timedelta(days=rng.choice([7, 15, 30, 60]))
        rectified = rng.random() < 0.9
        district = rng.randrange(len(districts))
        town = towns[district * 10 + rng.randrange(10)]
        unit = rng.choice(units)
        industry = rng.choice(industries)
        level = "重大" if rng.random() < 0.02 else "一般"
        description = rng.choice(descriptions)
        status = "已整改" if rectified else rng.choice(["未整改", "整改中"])
        done = found + datetime.timedelta(days=rng.randrange(1, 60)) if rectified else None
        supervised = "是" if rng.random() < 0.05 else "否"
        yield [f"YH{found.year}-{r:07d}", found, districts[district], town, unit, industry, level, description,
               status, deadline, done, supervised]


def write_xlsx(path, rows):
    import xlsxwriter

    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet("隐患台账")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, HEADER)
    for r, values in enumerate(hazard_rows(rows), start=1):
        for c, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, datetime.date):
                sheet.write_datetime(r, c, datetime.datetime(value.year, value.month, value.day), date_format)
            else:
                sheet.write_string(r, c, value)
    workbook.close()


if __name__ == "__main__":
    write_xlsx(sys.argv[1] if len(sys.argv) > 1 else "/tmp/sheet-1m.xlsx",
               int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000)
