#!/usr/bin/env python3
"""Writes the inputs of CatalogRunTests with other tools than ours: workbooks by openpyxl (a
title row, a two-row header with merged parent cells, a 合计 row), CSV in GB18030 by Python's
codec. Run from this folder: python3 make_fixtures.py (needs openpyxl). The tables below are
the data the tests count by hand; change both together."""
import csv, io, os
from openpyxl import Workbook

# 安全培训: (日期, 区县 or None, 培训类型, 培训对象, 参训人数)
TRAINING = {
    ("2025", "东城区"): [
        ("2025-03-02", "东城区", "三项岗位", "企业主要负责人；安全管理人员", 40),
        ("2025-06-18", "东城区", "特种作业人员", "特种作业人员", 25),
        ("2025-07-09", None, "三项岗位", "安全管理人员", 30),          # 区县 from the folder
        ("2025-11-20", "东城区", "全员培训", "从业人员", 120),
    ],
    ("2025", "西城区"): [
        ("2025/2/14", "西城", "三项岗位", "企业主要负责人", 18),        # alias 西城
        ("2025年8月1日", "西城区", "特种作业人员", "特种作业人员、企业主要负责人", 22),
        ("20251205", "西城区", "应急演练培训", "从业人员", 60),
    ],
    ("2024", "东城区"): [
        ("2024-04-10", "东城区", "三项岗位", "企业主要负责人", 35),
        ("2024-09-10", "东城区", "全员培训", "从业人员", 100),
    ],
    ("2024", "西城区"): [
        ("2024-05-05", "西城区", "三项岗位", "安全管理人员", 15),
    ],
}

# 填报指标: (区县, 指标, 年度, 月份 or None, 数值, 单位)
RETURNS = {
    "东城区": [("东城区", "宣讲场次", 2025, m, v, "场") for m, v in [(1, 3), (2, 4), (3, 2), (6, 5), (12, 1)]]
        + [("东城区", "观影人次", 2025, None, "1200.5", "人次"), ("东城区", "宣讲场次", 2024, 5, 7, "场")],
    "西城区": [("西城区", "宣讲场次", 2025, m, v, "场") for m, v in [(4, 6), (11, 2)]]
        + [("西城区", "宣讲场次", 2024, None, 9, "场")],
}

# 企业名录: (企业名称, 区县, 年度, 重大危险源, 风险等级)
ROSTER = {
    "东城区": [("东城化工有限公司", "东城区", 2025, "是", "重大"), ("东城物流有限公司", "东城区", 2025, "否", "一般"),
              ("东城燃气公司", "东城区", 2025, "是", "较大"), ("东城化工有限公司", "东城区", 2024, "是", "重大")],
    "西城区": [("西城制药厂", "西城区", 2025, "是", "一般"), ("西城加油站", "西城区", 2024, "是", "较大")],
}


def training_xlsx(path, year, district, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "培训台账"
    ws["A1"] = f"{district}{year}年安全生产培训情况统计表"
    ws.merge_cells("A1:F1")
    # Two-row header: 培训情况 over 类型/对象, and 人数 over 参训人数; the rest merged vertically.
    ws.append(["序号", "开班日期", "所属区县", "培训情况", None, "人数"])
    ws.append([None, None, None, "培训类型", "培训对象", "参训人数"])
    for c in "ABC":
        ws.merge_cells(f"{c}2:{c}3")
    ws.merge_cells("D2:E2")
    for i, (d, dist, kind, who, n) in enumerate(rows, 1):
        ws.append([i, d, dist, kind, who, n])
    ws.append(["合计", None, None, None, None, sum(r[4] for r in rows)])
    wb.save(path)


def gb18030_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode("gb18030"))


def main():
    root = "Inputs"
    for (year, district), rows in TRAINING.items():
        folder = os.path.join(root, year, district)
        os.makedirs(folder, exist_ok=True)
        if district == "东城区":
            training_xlsx(os.path.join(folder, f"{district}{year}年安全培训.xlsx"), year, district, rows)
        else:
            gb18030_csv(os.path.join(folder, f"{district}{year}年安全培训.csv"),
                        ["日期", "区县", "培训类型", "培训对象", "参训人数"], rows)
    for district, rows in RETURNS.items():
        folder = os.path.join(root, "2025", district)
        wb = Workbook()
        ws = wb.active
        ws.title = "填报指标"
        ws.append(["区县", "指标名称", "年度", "月份", "数值", "单位"])
        for r in rows:
            ws.append(list(r))
        wb.save(os.path.join(folder, f"{district}宣传教育填报.xlsx"))
    for district, rows in ROSTER.items():
        gb18030_csv(os.path.join(root, "2025", district, f"{district}企业名录.csv"),
                    ["企业名称", "区县", "年度", "重大危险源", "风险等级"], rows)


if __name__ == "__main__":
    main()
