namespace NetworkCenter.Supervision.Network.Demo;

/// <summary>
/// The demo network of DOMAIN.md with invented names, in an invented county (青禾县): 18 liaison offices, 8 reporting
/// points, 29 liaisons (liaison01 to liaison10 can sign in), and one staff member in each role.
/// </summary>
internal static class DemoNetwork
{
    public sealed record Office(string Kind, string Name, string HostUnitKind, string HostUnit, string Address, string Contact, string Phone);

    public sealed record Liaison(
        string Name, string Unit, string Office, string[] Expertise, string[] Groups, string Language = "zh-CN", Tie[]? Ties = null);

    public sealed record Tie(string Kind, string Name, string? IdNumber = null, string? Note = null);

    public sealed record StaffMember(string Username, string Name, string Title, string Role);

    /// <summary>How many liaisons, in order, get an account (liaisonNN / liaisonNN).</summary>
    public const int LiaisonsWithAccounts = 10;

    public static IReadOnlyList<StaffMember> Staff { get; } =
    [
        new("clerk", "周明", "线索管理员", Accounts.Roles.ClueAdministrator),
        new("procurator1", "吴建国", "检察官（民事）", Accounts.Roles.HandlingProcurator),
        new("procurator2", "郑晓燕", "检察官（行政）", Accounts.Roles.HandlingProcurator),
        new("procurator3", "冯立新", "检察官（公益诉讼）", Accounts.Roles.HandlingProcurator),
        new("head", "陈志远", "民事行政检察部主任", Accounts.Roles.DepartmentHead),
        new("chief", "杨文华", "检察长", Accounts.Roles.ChiefProcurator),
        new("secretary", "许静", "检察委员会专职委员（秘书）", Accounts.Roles.CommitteeSecretary),
        new("supervisor", "何平", "流程管理员", Accounts.Roles.Supervisor),
    ];

    private const string LO = "liaison-office";
    private const string RP = "reporting-point";

    public static IReadOnlyList<Office> Offices { get; } =
    [
        new(LO, "县人大常委会联络室", "npc", "青禾县人大常委会", "青禾县政通路 1 号", "刘国强", "0391-7210001"),
        new(LO, "县政协联络室", "cppcc", "政协青禾县委员会", "青禾县政通路 3 号", "孙丽华", "0391-7210002"),
        new(LO, "县纪委监委联络室", "discipline-inspection", "青禾县纪律检查委员会、监察委员会", "青禾县清风路 6 号", "马卫东", "0391-7210003"),
        new(LO, "县委政法委联络室", "political-legal", "中共青禾县委政法委员会", "青禾县政通路 5 号", "黄振华", "0391-7210004"),
        new(LO, "县综治中心联络室", "comprehensive-management", "青禾县社会治安综合治理中心", "青禾县安宁街 12 号", "林秀英", "0391-7210005"),
        new(LO, "县信访局联络室", "petition", "青禾县信访局", "青禾县民安路 9 号", "高峰", "0391-7210006"),
        new(LO, "县司法局联络室", "judicial-bureau", "青禾县司法局", "青禾县法治路 2 号", "罗红梅", "0391-7210007"),
        new(LO, "县法律援助中心联络室", "legal-aid", "青禾县法律援助中心", "青禾县法治路 4 号", "梁晓东", "0391-7210008"),
        new(LO, "城关镇法律服务所联络室", "township-legal-service", "城关镇法律服务所", "城关镇人民路 18 号", "宋春生", "0391-7220101"),
        new(LO, "东湖镇法律服务所联络室", "township-legal-service", "东湖镇法律服务所", "东湖镇湖滨路 2 号", "唐秋菊", "0391-7220102"),
        new(LO, "西岭镇法律服务所联络室", "township-legal-service", "西岭镇法律服务所", "西岭镇岭南街 7 号", "韩大勇", "0391-7220103"),
        new(LO, "南桥镇法律服务所联络室", "township-legal-service", "南桥镇法律服务所", "南桥镇桥东路 11 号", "曹玉兰", "0391-7220104"),
        new(LO, "北塘乡法律服务所联络室", "township-legal-service", "北塘乡法律服务所", "北塘乡塘北街 3 号", "邓志刚", "0391-7220105"),
        new(LO, "柳林乡法律服务所联络室", "township-legal-service", "柳林乡法律服务所", "柳林乡柳荫路 5 号", "彭桂芳", "0391-7220106"),
        new(LO, "禾信律师事务所联络室", "law-firm", "河南禾信律师事务所", "青禾县中心大道 66 号", "曾德明", "0391-7230001"),
        new(LO, "正衡律师事务所联络室", "law-firm", "河南正衡律师事务所", "青禾县中心大道 88 号", "萧雅琴", "0391-7230002"),
        new(LO, "明理律师事务所联络室", "law-firm", "河南明理律师事务所", "青禾县建设路 21 号", "田志强", "0391-7230003"),
        new(LO, "公平律师事务所联络室", "law-firm", "青禾公平律师事务所", "青禾县建设路 35 号", "董慧", "0391-7230004"),
        new(RP, "东湖镇人大主席团报告点", "npc", "东湖镇人大主席团", "东湖镇政府院内", "袁长顺", "0391-7240001"),
        new(RP, "西岭镇人大主席团报告点", "npc", "西岭镇人大主席团", "西岭镇政府院内", "潘玉珍", "0391-7240002"),
        new(RP, "南桥镇综治办报告点", "comprehensive-management", "南桥镇综治办", "南桥镇政府院内", "蒋国良", "0391-7240003"),
        new(RP, "北塘乡综治办报告点", "comprehensive-management", "北塘乡综治办", "北塘乡政府院内", "蔡淑芬", "0391-7240004"),
        new(RP, "柳林乡信访办报告点", "petition", "柳林乡信访办", "柳林乡政府院内", "余建军", "0391-7240005"),
        new(RP, "城关镇司法所报告点", "judicial-bureau", "城关镇司法所", "城关镇人民路 20 号", "杜海燕", "0391-7240006"),
        new(RP, "石门村法律服务站报告点", "township-legal-service", "西岭镇石门村法律服务站", "西岭镇石门村村委会", "叶永福", "0391-7240007"),
        new(RP, "县政协社会法制委报告点", "cppcc", "政协青禾县委员会社会和法制委员会", "青禾县政通路 3 号", "程立伟", "0391-7240008"),
    ];

    public static IReadOnlyList<Liaison> Liaisons { get; } =
    [
        new("王建华", "青禾县人大常委会法工委", "县人大常委会联络室", ["administrative", "land"], ["npc", "evaluation"]),
        new("李淑贞", "政协青禾县委员会", "县政协联络室", ["environment", "fees"], ["cppcc"]),
        new("张卫国", "青禾县纪委监委第二监督检查室", "县纪委监委联络室", ["criminal-justice"], ["discipline-inspection"]),
        new("刘海涛", "中共青禾县委政法委员会", "县委政法委联络室", ["civil", "criminal-justice"], ["argumentation"]),
        new("陈秀兰", "青禾县社会治安综合治理中心", "县综治中心联络室", ["labour", "civil"], ["grassroots"]),
        new("杨志明", "青禾县信访局", "县信访局联络室", ["land", "administrative"], ["grassroots"], Ties: [new("party", "杨某军", Note: "堂兄，土地征收纠纷当事人")]),
        new("赵丽娟", "青禾县司法局", "县司法局联络室", ["administrative"], ["argumentation", "evaluation"]),
        new("黄明亮", "青禾县法律援助中心", "县法律援助中心联络室", ["labour", "civil"], ["evaluation"], "en"),
        new("周桂英", "城关镇法律服务所", "城关镇法律服务所联络室", ["civil", "fees"], ["grassroots"]),
        new("吴永强", "东湖镇法律服务所", "东湖镇法律服务所联络室", ["land", "environment"], ["grassroots"]),
        new("徐春燕", "西岭镇法律服务所", "西岭镇法律服务所联络室", ["civil"], ["grassroots"]),
        new("孙德胜", "南桥镇法律服务所", "南桥镇法律服务所联络室", ["bankruptcy", "labour"], ["grassroots"]),
        new("胡玉梅", "北塘乡法律服务所", "北塘乡法律服务所联络室", ["land"], ["grassroots"]),
        new("朱国栋", "柳林乡法律服务所", "柳林乡法律服务所联络室", ["environment"], ["grassroots"]),
        new("高文博", "河南禾信律师事务所", "禾信律师事务所联络室", ["civil", "finance", "bankruptcy"], ["argumentation", "evaluation"],
            Ties: [new("law-firm", "河南禾信律师事务所", "91410000MA44XQ1234", "执业律所"), new("judge", "林某", Note: "大学同学，县法院民一庭")]),
        new("林晓雯", "河南正衡律师事务所", "正衡律师事务所联络室", ["administrative", "land"], ["argumentation"], "en",
            [new("law-firm", "河南正衡律师事务所", Note: "执业律所")]),
        new("何振宇", "河南明理律师事务所", "明理律师事务所联络室", ["bankruptcy", "finance"], ["evaluation"],
            Ties: [new("lawyer", "何某平", "410102197505061234", "配偶，执业律师")]),
        new("郭静怡", "青禾公平律师事务所", "公平律师事务所联络室", ["civil", "labour"], ["argumentation"]),
        new("罗志军", "东湖镇人大主席团", "东湖镇人大主席团报告点", ["land"], ["npc", "grassroots"]),
        new("梁美华", "西岭镇人大主席团", "西岭镇人大主席团报告点", ["fees"], ["npc"]),
        new("宋国华", "南桥镇综治办", "南桥镇综治办报告点", ["bankruptcy", "labour"], ["grassroots"]),
        new("郑春梅", "北塘乡综治办", "北塘乡综治办报告点", ["environment"], ["grassroots"]),
        new("谢长林", "柳林乡信访办", "柳林乡信访办报告点", ["land", "fees"], ["grassroots"]),
        new("韩秀芳", "城关镇司法所", "城关镇司法所报告点", ["civil"], ["grassroots"]),
        new("唐福生", "西岭镇石门村村民委员会", "石门村法律服务站报告点", ["land", "environment"], ["grassroots"]),
        new("冯雅丽", "政协青禾县委员会社会和法制委员会", "县政协社会法制委报告点", ["fees", "administrative"], ["cppcc", "evaluation"]),
        new("于建平", "青禾县人大代表（县第一中学）", "县人大常委会联络室", ["administrative"], ["npc"]),
        new("董丽萍", "政协委员（县人民医院）", "县政协联络室", ["fees"], ["cppcc"], Ties: [new("party", "县人民医院", Note: "本人所在单位")]),
        new("萧国平", "青禾县纪委监委派驻法院纪检组", "县纪委监委联络室", ["criminal-justice", "civil"], ["discipline-inspection", "argumentation"]),
    ];
}
