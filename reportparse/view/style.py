"""The look shared by the HTML pages (the report view and the comparison of years)."""

BASE = """
*{box-sizing:border-box}body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;
color:#222}h1{font-size:18px;margin:.2em 0 .6em}.legend span{display:inline-block;margin:0 1em .5em 0;padding:0 .4em}
.quantities{background:#ffe08a}.meetings{background:#b8e0ff}.documents{background:#d7c4ff}
.weaknesses,.recurring-cell{background:#ffc9c9;box-shadow:inset 0 -2px #d33}.plans{background:#c8f2c8;box-shadow:inset 0 -2px #2a2}
.noise{color:#999;text-decoration:line-through}table{border-collapse:collapse;font-size:14px}
th,td{border:1px solid #ddd;padding:4px 8px;vertical-align:top}th{background:#f3f3f3;position:sticky;top:0}
"""
