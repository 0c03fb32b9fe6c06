"""The YAML and JSON parsers' problem messages (English) in Chinese, for the findings a user reads.

libyaml and Python's json module describe a syntax error in a handful of fixed phrases; each is said here in
words a finance clerk can act on. An unknown phrase keeps the parser's words after a Chinese lead.
"""

from __future__ import annotations

YAML = {
    "did not find expected node content": "这里缺少内容（括号、引号或缩进可能不完整）",
    "mapping values are not allowed": "这里不能出现“字段: 值”（可能是冒号后少了空格、值里有冒号未加引号，或缩进不对）",
    "could not find expected ':'": "缺少冒号“:”（或引号没有闭合）",
    "found character that cannot start any token": "出现了不能作为开头的字符（例如 Tab 缩进，或 @、` 开头的值未加引号）",
    "did not find expected key": "缩进没有对齐，或列表项与字段混在了同一层",
    "did not find expected '-' indicator": "列表项的缩进不对（这一层应以“-”开头）",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合）",
    "found unknown escape character": "双引号中有无效的转义字符（“\\”后面的字符不对）",
    "found a tab character that violates indentation": "用了 Tab 缩进，请改为空格",
    "found a tab character where an indentation space is expected": "用了 Tab 缩进，请改为空格",
    "did not find expected ',' or ']'": "方括号 [ ] 中缺少逗号或右括号",
    "did not find expected ',' or '}'": "花括号 { } 中缺少逗号或右括号",
    "found undefined alias": "使用了未定义的别名（*…）",
    "found duplicate anchor": "锚点（&…）重复定义",
    "expected <document start>, but found": "文件开头之后的结构不对（缩进或多余的内容）",
    "expected <block end>, but found": "缩进没有对齐（这一行比上面的字段缩进得多或少）",
    "found unexpected ':'": "出现了多余的冒号“:”",
    "second occurrence": "锚点（&…）重复定义",
    "but found another document": "文件中有多个文档（出现了“---”分隔线），只能有一个",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合）",
}

JSON = {
    "Expecting ',' delimiter": "缺少逗号“,”",
    "Expecting ':' delimiter": "缺少冒号“:”",
    "Expecting value": "这里缺少值（或有多余的逗号）",
    "Expecting property name enclosed in double quotes": "字段名必须用双引号括起来（或最后一项后面多了逗号）",
    "Unterminated string starting at": "字符串的引号没有闭合",
    "Extra data": "JSON 内容结束后还有多余的文字",
    "Invalid control character at": "字符串中有控制字符（如直接换行），请改为 \\n",
    "Invalid \\escape": "字符串中有无效的转义字符（“\\”后面的字符不对）",
    "Invalid \\uXXXX escape": "字符串中的 \\u 转义不完整",
}


def yaml_problem(problem: str) -> str:
    return _say(problem, YAML)


def json_problem(problem: str) -> str:
    return _say(problem, JSON)


def _say(problem: str, table: dict[str, str]) -> str:
    for phrase, chinese in table.items():
        if problem.startswith(phrase) or phrase in problem:
            return chinese
    return f"格式不正确（解析器提示：{problem}）"
