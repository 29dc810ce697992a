#!/usr/bin/env python3
"""Writes the seed corpus for the CSV importer fuzz target (Tests/Fuzz/corpus). Deterministic."""
import os, random

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
os.makedirs(here, exist_ok=True)
H = "取引先コード,取引先名,フリガナ,請求書番号,取引日,支払期日,金額,入金額,電話,メール,郵便番号,住所,種別,国内"
row = "C001,株式会社山田商事,ヤマダショウジ,INV-001,2024-04-01,2024-04-30,\"1,234,000\",0,03-1234-5678,keiri@yamada.example.jp,100-0001,東京都千代田区千代田1-1,商事,国内"
seeds = {
    "rfc4180-quoting.csv": (H + "\r\n" + row + "\r\n" + 'C002,"say ""hi"", ltd",,"A-1",2024-01-05,,"500",,,,,"x,y",,' + "\r\n").encode(),
    "crlf-in-field.csv": (H + "\r\n" + 'C003,山田,,I-9,2024-02-01,2024-02-29,1000,,,,,"東京都\r\n千代田区\r\n1-1",,' + "\r\n").encode(),
    "lf-and-lone-cr.csv": (H + "\n" + row + "\r" + row.replace("INV-001", "INV-002") + "\n").encode(),
    "bom-utf8.csv": b"\xef\xbb\xbf" + (H + "\r\n" + row + "\r\n").encode(),
    "cp932-wave-dash-nec.csv": (
        "取引先コード,取引先名,請求書番号,取引日,支払期日,金額,住所\r\n"
        "C010,㈱佐藤工務店①Ⅱ,W-1,令和6年4月1日,R6.4.30,１２０，０００円,東京都〜港区−1\r\n"
        "C011,髙橋﨑商店,W-2,H31/4/30,2019/5/31,￥80000,大阪府～北区\r\n").encode("cp932"),
    "cp932-raw-bytes.csv": "取引先コード,取引先名,請求書番号,取引日,金額\r\n".encode("cp932")
        + b"C020,\x87\x40\x87\x8d\x87\x54,X1,2024-01-01,\x81\x60\x81\x7c100\r\n",
    "halfwidth-kana.csv": (H + "\r\n" + "C030,ｻﾄｳｺｳﾑﾃﾝ,ｻﾄｳ,K-1,2019/3/15,,２２０，０００円,,０６－６１２３－４５６７,,〒530-0001,ｵｵｻｶ,工事,yes\r\n").encode("cp932"),
    "ragged-rows.csv": (H + "\r\n" + "C040,a,b\r\n" + row + ",extra,extra\r\n\r\n,,,,\r\n").encode(),
    "empty.csv": b"",
    "header-only.csv": (H + "\r\n").encode(),
    "bad-values.csv": (H + "\r\n" + "C050,x,,I,2023-02-30,2023-13-01,-5,abc,,,,,,\r\n" + 'C051,"unclosed,,I2,2024-01-01,,1\r\n').encode(),
    "binary-junk.bin": bytes(random.Random(7).randrange(256) for _ in range(4096)),
    "stray-quotes.csv": (H + "\r\n" + 'C060,ab"c,,"I"x,2024-01-01,,"1"2,\r\n').encode(),
}
big = "取引先コード,取引先名,請求書番号,取引日,金額,住所\r\nC070,big,B-1,2024-01-01,1000,\"" + ("あ" * 349_526) + "\"\r\n"
seeds["one-megabyte-field.csv"] = big.encode()
for name, data in seeds.items():
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)
print(f"{len(seeds)} seeds in {here}")
