#!/usr/bin/env python3
"""Writes the CSV reading benchmark: 1 000 000 hazard rows (12 columns, Chinese text, text dates),
once as UTF-8 and once as GB18030, with CRLF line ends as Excel writes them. Some descriptions hold an
ASCII comma or double quotes (quoted fields) and a few a line break inside quotes, as when a cell
had Alt+Enter in Excel — so the reader's quote handling and its chunk splitting are exercised.
Deterministic (fixed seed), standard library only.

    python3 Benchmarks/CSVBench/make_csv_1m.py /tmp/csv-1m [rows]
    → /tmp/csv-1m/hazards-utf8.csv, /tmp/csv-1m/hazards-gb18030.csv

The output is benchmark data: keep it out of git.
"""
import csv
import datetime
import io
import os
import random
import sys

out_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/csv-1m"
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
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
actions = ["责令限期整改", "现场立即整改", "已下达整改通知书", "需企业自查自改", "列入复查计划"]
sources = ["执法检查", "专项整治", "暗访", "企业自查", "交叉检查"]
header = ["隐患编号", "排查日期", "区县", "镇街", "单位名称", "行业领域", "隐患等级", "隐患描述",
          "整改状态", "整改期限", "整改完成日期", "挂牌督办"]

buffer = io.StringIO()
writer = csv.writer(buffer, lineterminator="\r\n")   # quotes only what needs it, doubles quotes
writer.writerow(header)
start = datetime.date(2019, 1, 1)
for r in range(1, rows + 1):
    found = start + datetime.timedelta(days=rng.randrange(730))
    deadline = found + datetime.timedelta(days=rng.choice([7, 15, 30, 60]))
    rectified = rng.random() < 0.9
    district = rng.randrange(len(districts))
    roll = rng.random()
    problem, action = rng.choice(problems), rng.choice(actions)
    if roll < 0.02:
        description = f"{problem}, {action}"                 # ASCII comma → quoted
    elif roll < 0.025:
        description = f"{problem}（\"{action}\"）"            # quotes → quoted and doubled
    elif roll < 0.027:
        description = f"{problem}\n{action}"                 # Alt+Enter line break inside quotes
    else:
        description = f"{problem}，{action}"
    done = found + datetime.timedelta(days=rng.randrange(1, 60)) if rectified else None
    writer.writerow([
        f"YH{found.year}-{r:07d}", found.isoformat(), districts[district], towns[district * 10 + rng.randrange(10)],
        rng.choice(units), rng.choice(industries), "重大" if rng.random() < 0.02 else "一般", description,
        "已整改" if rectified else rng.choice(["未整改", "整改中"]), deadline.isoformat(),
        done.isoformat() if done else "", "是" if rng.random() < 0.05 else "否",
    ])

text = buffer.getvalue()
os.makedirs(out_dir, exist_ok=True)
for name, encoding in [("hazards-utf8.csv", "utf-8"), ("hazards-gb18030.csv", "gb18030")]:
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(text.encode(encoding))
    print(os.path.join(out_dir, name), os.path.getsize(os.path.join(out_dir, name)), "bytes")
