/// Word lists for the demo book: names as a Japanese receivables ledger shows them.
///
/// Each word carries its reading (katakana, as フリガナ columns hold it) and a romanization for
/// e-mail addresses. All e-mail domains end in `.example.jp`, reserved so no demo address reaches
/// anyone (RFC 2606 reserves `example`; the demo keeps to it).
enum DemoNames {
    struct Word {
        var kanji: String
        var kana: String
        var roman: String
        init(_ kanji: String, _ kana: String, _ roman: String) {
            self.kanji = kanji
            self.kana = kana
            self.roman = roman
        }
    }

    static let surnames: [Word] = [
        Word("佐藤", "サトウ", "sato"), Word("鈴木", "スズキ", "suzuki"), Word("高橋", "タカハシ", "takahashi"),
        Word("田中", "タナカ", "tanaka"), Word("伊藤", "イトウ", "ito"), Word("渡辺", "ワタナベ", "watanabe"),
        Word("山本", "ヤマモト", "yamamoto"), Word("中村", "ナカムラ", "nakamura"), Word("小林", "コバヤシ", "kobayashi"),
        Word("加藤", "カトウ", "kato"), Word("吉田", "ヨシダ", "yoshida"), Word("山田", "ヤマダ", "yamada"),
        Word("佐々木", "ササキ", "sasaki"), Word("山口", "ヤマグチ", "yamaguchi"), Word("松本", "マツモト", "matsumoto"),
        Word("井上", "イノウエ", "inoue"), Word("木村", "キムラ", "kimura"), Word("林", "ハヤシ", "hayashi"),
        Word("斎藤", "サイトウ", "saito"), Word("清水", "シミズ", "shimizu"), Word("山崎", "ヤマザキ", "yamazaki"),
        Word("森", "モリ", "mori"), Word("池田", "イケダ", "ikeda"), Word("橋本", "ハシモト", "hashimoto"),
        Word("阿部", "アベ", "abe"), Word("石川", "イシカワ", "ishikawa"), Word("山下", "ヤマシタ", "yamashita"),
        Word("中島", "ナカジマ", "nakajima"), Word("石井", "イシイ", "ishii"), Word("小川", "オガワ", "ogawa"),
        Word("前田", "マエダ", "maeda"), Word("岡田", "オカダ", "okada"), Word("長谷川", "ハセガワ", "hasegawa"),
        Word("藤田", "フジタ", "fujita"), Word("後藤", "ゴトウ", "goto"), Word("近藤", "コンドウ", "kondo"),
        Word("村上", "ムラカミ", "murakami"), Word("遠藤", "エンドウ", "endo"), Word("青木", "アオキ", "aoki"),
        Word("坂本", "サカモト", "sakamoto"), Word("福田", "フクダ", "fukuda"), Word("太田", "オオタ", "ota"),
        Word("西村", "ニシムラ", "nishimura"), Word("藤井", "フジイ", "fujii"), Word("金子", "カネコ", "kaneko"),
        Word("岡本", "オカモト", "okamoto"), Word("藤原", "フジワラ", "fujiwara"), Word("中野", "ナカノ", "nakano"),
        Word("三浦", "ミウラ", "miura"), Word("原田", "ハラダ", "harada"), Word("中川", "ナカガワ", "nakagawa"),
        Word("松田", "マツダ", "matsuda"), Word("竹内", "タケウチ", "takeuchi"), Word("小野", "オノ", "ono"),
        Word("田村", "タムラ", "tamura"), Word("中山", "ナカヤマ", "nakayama"), Word("和田", "ワダ", "wada"),
        Word("石田", "イシダ", "ishida"), Word("森田", "モリタ", "morita"), Word("上田", "ウエダ", "ueda"),
        Word("柴田", "シバタ", "shibata"), Word("酒井", "サカイ", "sakai"), Word("工藤", "クドウ", "kudo"),
        Word("横山", "ヨコヤマ", "yokoyama"), Word("宮崎", "ミヤザキ", "miyazaki"), Word("宮本", "ミヤモト", "miyamoto"),
        Word("内田", "ウチダ", "uchida"), Word("高木", "タカギ", "takagi"), Word("安藤", "アンドウ", "ando"),
        Word("島田", "シマダ", "shimada"), Word("谷口", "タニグチ", "taniguchi"), Word("大野", "オオノ", "ono"),
    ]

    /// Stems that are not surnames: places, auspicious words, old house names.
    static let stems: [Word] = [
        Word("東洋", "トウヨウ", "toyo"), Word("日本", "ニホン", "nihon"), Word("大和", "ヤマト", "yamato"),
        Word("富士", "フジ", "fuji"), Word("北陸", "ホクリク", "hokuriku"), Word("関東", "カントウ", "kanto"),
        Word("関西", "カンサイ", "kansai"), Word("九州", "キュウシュウ", "kyushu"), Word("東海", "トウカイ", "tokai"),
        Word("瀬戸内", "セトウチ", "setouchi"), Word("旭", "アサヒ", "asahi"), Word("三和", "サンワ", "sanwa"),
        Word("丸善", "マルゼン", "maruzen"), Word("光", "ヒカリ", "hikari"), Word("青葉", "アオバ", "aoba"),
        Word("若葉", "ワカバ", "wakaba"), Word("桜", "サクラ", "sakura"), Word("昭和", "ショウワ", "showa"),
        Word("平和", "ヘイワ", "heiwa"), Word("中央", "チュウオウ", "chuo"), Word("太平洋", "タイヘイヨウ", "taiheiyo"),
        Word("明星", "ミョウジョウ", "myojo"), Word("協和", "キョウワ", "kyowa"), Word("信栄", "シンエイ", "shinei"),
        Word("大同", "ダイドウ", "daido"), Word("共栄", "キョウエイ", "kyoei"), Word("新光", "シンコウ", "shinko"),
        Word("北斗", "ホクト", "hokuto"), Word("みどり", "ミドリ", "midori"), Word("ひまわり", "ヒマワリ", "himawari"),
    ]

    static let trades: [Word] = [
        Word("商事", "ショウジ", "shoji"), Word("工業", "コウギョウ", "kogyo"), Word("物産", "ブッサン", "bussan"),
        Word("建設", "ケンセツ", "kensetsu"), Word("運輸", "ウンユ", "unyu"), Word("食品", "ショクヒン", "shokuhin"),
        Word("電機", "デンキ", "denki"), Word("製作所", "セイサクショ", "seisakusho"), Word("興業", "コウギョウ", "kogyo"),
        Word("産業", "サンギョウ", "sangyo"), Word("印刷", "インサツ", "insatsu"), Word("不動産", "フドウサン", "fudosan"),
        Word("設計", "セッケイ", "sekkei"), Word("技研", "ギケン", "giken"), Word("化成", "カセイ", "kasei"),
        Word("精機", "セイキ", "seiki"), Word("水産", "スイサン", "suisan"), Word("薬品", "ヤクヒン", "yakuhin"),
        Word("住宅", "ジュウタク", "jutaku"), Word("物流", "ブツリュウ", "butsuryu"), Word("企画", "キカク", "kikaku"),
        Word("総業", "ソウギョウ", "sogyo"), Word("システム", "システム", "system"), Word("フーズ", "フーズ", "foods"),
        Word("通商", "ツウショウ", "tsusho"), Word("電設", "デンセツ", "densetsu"), Word("塗装", "トソウ", "toso"),
        Word("木材", "モクザイ", "mokuzai"), Word("酒造", "シュゾウ", "shuzo"), Word("観光", "カンコウ", "kanko"),
        Word("工務店", "コウムテン", "komuten"), Word("商店", "ショウテン", "shoten"), Word("薬局", "ヤッキョク", "yakkyoku"),
    ]

    static let givenNames: [Word] = [
        Word("太郎", "タロウ", "taro"), Word("一郎", "イチロウ", "ichiro"), Word("健太", "ケンタ", "kenta"),
        Word("翔太", "ショウタ", "shota"), Word("大輔", "ダイスケ", "daisuke"), Word("誠", "マコト", "makoto"),
        Word("浩", "ヒロシ", "hiroshi"), Word("修", "オサム", "osamu"), Word("隆", "タカシ", "takashi"),
        Word("直樹", "ナオキ", "naoki"), Word("和也", "カズヤ", "kazuya"), Word("拓也", "タクヤ", "takuya"),
        Word("花子", "ハナコ", "hanako"), Word("陽子", "ヨウコ", "yoko"), Word("恵子", "ケイコ", "keiko"),
        Word("美穂", "ミホ", "miho"), Word("由美", "ユミ", "yumi"), Word("直美", "ナオミ", "naomi"),
        Word("真由美", "マユミ", "mayumi"), Word("愛", "アイ", "ai"), Word("優子", "ユウコ", "yuko"),
        Word("美咲", "ミサキ", "misaki"), Word("明美", "アケミ", "akemi"), Word("智子", "トモコ", "tomoko"),
    ]

    struct City {
        var name: String
        var areaCode: String
        var postalPrefix: String
        var towns: [String]
    }

    struct Prefecture {
        var name: String
        /// The city whose courts hear the demo's legal routes (東京簡易裁判所, 東京地方裁判所 …).
        var courtCity: String
        var cities: [City]
    }

    static let prefectures: [Prefecture] = [
        Prefecture(
            name: "東京都", courtCity: "東京",
            cities: [
                City(name: "千代田区", areaCode: "03", postalPrefix: "101", towns: ["神田錦町", "神田小川町", "内神田"]),
                City(name: "中央区", areaCode: "03", postalPrefix: "103", towns: ["日本橋本町", "日本橋人形町", "八丁堀"]),
                City(name: "港区", areaCode: "03", postalPrefix: "105", towns: ["芝浦", "浜松町", "新橋"]),
                City(name: "新宿区", areaCode: "03", postalPrefix: "160", towns: ["西新宿", "新宿", "四谷"]),
                City(name: "大田区", areaCode: "03", postalPrefix: "144", towns: ["蒲田", "大森北", "西糀谷"]),
                City(name: "八王子市", areaCode: "042", postalPrefix: "192", towns: ["旭町", "明神町", "元本郷町"]),
            ]),
        Prefecture(
            name: "大阪府", courtCity: "大阪",
            cities: [
                City(name: "大阪市北区", areaCode: "06", postalPrefix: "530", towns: ["梅田", "天神橋", "中之島"]),
                City(name: "大阪市中央区", areaCode: "06", postalPrefix: "541", towns: ["本町", "船場中央", "北浜"]),
                City(name: "堺市堺区", areaCode: "072", postalPrefix: "590", towns: ["南瓦町", "熊野町東", "中瓦町"]),
                City(name: "東大阪市", areaCode: "06", postalPrefix: "577", towns: ["荒本北", "高井田元町", "長堂"]),
            ]),
        Prefecture(
            name: "愛知県", courtCity: "名古屋",
            cities: [
                City(name: "名古屋市中区", areaCode: "052", postalPrefix: "460", towns: ["栄", "錦", "丸の内"]),
                City(name: "名古屋市中村区", areaCode: "052", postalPrefix: "450", towns: ["名駅", "則武", "椿町"]),
                City(name: "豊田市", areaCode: "0565", postalPrefix: "471", towns: ["小坂本町", "西町", "元城町"]),
            ]),
        Prefecture(
            name: "神奈川県", courtCity: "横浜",
            cities: [
                City(name: "横浜市西区", areaCode: "045", postalPrefix: "220", towns: ["みなとみらい", "高島", "北幸"]),
                City(name: "横浜市中区", areaCode: "045", postalPrefix: "231", towns: ["山下町", "尾上町", "本町"]),
                City(name: "川崎市川崎区", areaCode: "044", postalPrefix: "210", towns: ["駅前本町", "砂子", "東田町"]),
            ]),
        Prefecture(
            name: "福岡県", courtCity: "福岡",
            cities: [
                City(name: "福岡市博多区", areaCode: "092", postalPrefix: "812", towns: ["博多駅前", "博多駅東", "祇園町"]),
                City(name: "福岡市中央区", areaCode: "092", postalPrefix: "810", towns: ["天神", "大名", "赤坂"]),
                City(name: "北九州市小倉北区", areaCode: "093", postalPrefix: "802", towns: ["浅野", "京町", "米町"]),
            ]),
        Prefecture(
            name: "北海道", courtCity: "札幌",
            cities: [
                City(name: "札幌市中央区", areaCode: "011", postalPrefix: "060", towns: ["北一条西", "大通西", "南三条西"]),
                City(name: "旭川市", areaCode: "0166", postalPrefix: "070", towns: ["宮下通", "四条通", "常盤通"]),
            ]),
        Prefecture(
            name: "宮城県", courtCity: "仙台",
            cities: [City(name: "仙台市青葉区", areaCode: "022", postalPrefix: "980", towns: ["一番町", "中央", "本町"])]),
        Prefecture(
            name: "広島県", courtCity: "広島",
            cities: [City(name: "広島市中区", areaCode: "082", postalPrefix: "730", towns: ["紙屋町", "八丁堀", "大手町"])]),
        Prefecture(
            name: "京都府", courtCity: "京都",
            cities: [City(name: "京都市下京区", areaCode: "075", postalPrefix: "600", towns: ["烏丸通", "四条通", "東塩小路町"])]),
        Prefecture(
            name: "兵庫県", courtCity: "神戸",
            cities: [City(name: "神戸市中央区", areaCode: "078", postalPrefix: "650", towns: ["三宮町", "元町通", "栄町通"])]),
        Prefecture(
            name: "埼玉県", courtCity: "さいたま",
            cities: [City(name: "さいたま市大宮区", areaCode: "048", postalPrefix: "330", towns: ["桜木町", "大門町", "宮町"])]),
        Prefecture(
            name: "千葉県", courtCity: "千葉",
            cities: [City(name: "千葉市中央区", areaCode: "043", postalPrefix: "260", towns: ["富士見", "中央", "新町"])]),
        Prefecture(
            name: "静岡県", courtCity: "静岡",
            cities: [City(name: "静岡市葵区", areaCode: "054", postalPrefix: "420", towns: ["紺屋町", "呉服町", "御幸町"])]),
        Prefecture(
            name: "新潟県", courtCity: "新潟",
            cities: [City(name: "新潟市中央区", areaCode: "025", postalPrefix: "950", towns: ["万代", "東大通", "弁天"])]),
        Prefecture(
            name: "岡山県", courtCity: "岡山",
            cities: [City(name: "岡山市北区", areaCode: "086", postalPrefix: "700", towns: ["駅前町", "本町", "磨屋町"])]),
        Prefecture(
            name: "熊本県", courtCity: "熊本",
            cities: [City(name: "熊本市中央区", areaCode: "096", postalPrefix: "860", towns: ["花畑町", "手取本町", "水前寺"])]),
        Prefecture(
            name: "沖縄県", courtCity: "那覇",
            cities: [City(name: "那覇市", areaCode: "098", postalPrefix: "900", towns: ["久茂地", "松山", "前島"])]),
        Prefecture(
            name: "石川県", courtCity: "金沢",
            cities: [City(name: "金沢市", areaCode: "076", postalPrefix: "920", towns: ["広岡", "本町", "片町"])]),
        Prefecture(
            name: "長野県", courtCity: "長野",
            cities: [City(name: "長野市", areaCode: "026", postalPrefix: "380", towns: ["南長野", "中御所", "鶴賀"])]),
    ]

    static let buildings = ["ビル", "ビルディング", "センタービル", "第一ビル", "第二ビル", "会館"]

    /// Debtors served abroad (no payment order possible, 民事訴訟法382条但書).
    static let foreignAddresses: [(address: String, phone: String)] = [
        ("10 Anson Road, #20-01, Singapore 079903", "+65-6123-4567"),
        ("Unit 1203, 12/F, 9 Queen's Road Central, Hong Kong", "+852-2123-4567"),
        ("123 Teheran-ro, Gangnam-gu, Seoul 06133, Korea", "+82-2-555-0123"),
        ("No. 7, Section 5, Xinyi Road, Taipei 110, Taiwan", "+886-2-2720-1234"),
    ]
}
