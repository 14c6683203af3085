namespace NetworkCenter.Supervision.Clues.Demo;

/// <summary>Invented material for the demo register, in the demo network's invented county (青禾县).</summary>
internal static class DemoClues
{
    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    public static readonly string[] GivenNames = ["建华", "秀英", "志强", "桂兰", "海涛", "丽娟", "国庆", "春梅", "永刚", "玉珍", "德明", "小红", "振宇", "淑芬", "立军"];
    public static readonly string[] Companies = ["青禾县宏达棉纺有限公司", "青禾县金穗造纸厂", "青禾县华兴房地产开发有限公司", "青禾县供电服务公司", "青禾县第二机械厂", "青禾县安康民营医院", "青禾县顺通运输有限公司"];
    public static readonly string[] Courts = ["青禾县人民法院", "青禾县人民法院", "青禾县人民法院", "青川市中级人民法院"];
    public static readonly string[] Judges = ["邓某平", "唐某华", "韩某军", "曹某英"];
    public static readonly string[] Firms = ["青禾县正义律师事务所", "青川明诚律师事务所", "青禾县法律援助中心"];

    public static readonly Dictionary<string, string[]> Summaries = new(StringComparer.Ordinal)
    {
        [ClueKinds.JudgmentSupervision] =
        [
            "民间借贷纠纷一审判决认定借款已归还，申请人认为证据不足，判决认定事实错误。",
            "劳动争议案件中工伤认定依据被判决忽略，申请人认为适用法律错误。",
            "房屋买卖合同纠纷判决未审查合同效力，当事人申请监督。",
            "交通事故损害赔偿判决赔偿标准明显偏低，申请人认为适用法律错误。",
            "土地承包经营权纠纷判决遗漏必须参加诉讼的当事人。",
            "行政处罚决定被判决维持，申请人认为程序违法、事实不清。",
        ],
        [ClueKinds.JudicialMisconduct] =
        [
            "反映承办法官在审理借贷纠纷期间接受一方当事人宴请，判决明显偏向该方。",
            "反映执行人员违规处置查封财产，涉嫌滥用职权。",
            "反映审判人员与对方代理律师存在利益往来，判决结果不公。",
        ],
        [ClueKinds.PublicInterest] = [],
        [ClueKinds.OutsideJurisdiction] =
        [
            "邻里之间宅基地界址争议，尚未经过诉讼。",
            "反映村委会财务不公开，属于乡镇政府职责范围。",
            "咨询离婚财产分割问题，尚未起诉。",
        ],
    };

    public static readonly Dictionary<string, string[]> PublicInterest = new(StringComparer.Ordinal)
    {
        ["land"] = ["国土部门对同类违法占地行为处罚标准不一，涉嫌选择性执法。", "违法占用基本农田建厂，国土部门未依法查处。"],
        ["bankruptcy-restructuring"] = ["县属企业改制中资产评估明显低于市值，国有资产流失。", "破产清算中国有土地使用权被低价转让。"],
        ["improper-fees"] = ["医院对住院患者重复收取检查费用。", "供电公司向农户收取不合理的线路改造费。", "房地产开发商违规收取办证费用。"],
        ["pollution"] = ["棉纺厂夜间向河道排放未经处理的印染废水。", "造纸厂废水直排导致下游农田受污染。"],
        ["other"] = ["公共道路养护资金被挪用，道路长期失修。"],
    };
}
