namespace NetworkCenter.Supervision.Procedures.Feedback;

/// <summary>How a stage reads to a liaison.</summary>
internal static class StageNames
{
    public static string Of(string stage, string language) => (stage, language == "en") switch
    {
        ("registered", false) => "已登记",
        ("registered", true) => "registered",
        ("assigned", false) => "已分配承办检察官",
        ("assigned", true) => "assigned to a handling procurator",
        ("under-review", false) => "审查中",
        ("under-review", true) => "under review",
        ("filed", false) => "已立案审查",
        ("filed", true) => "filed as a case",
        ("not-filed", false) => "决定不予立案",
        ("not-filed", true) => "not filed",
        ("protest-proposed", false) => "已提请抗诉",
        ("protest-proposed", true) => "protest proposed",
        ("referred", false) => "已移送有关机关",
        ("referred", true) => "referred to the competent body",
        ("closed", false) => "已办结",
        ("closed", true) => "closed",
        _ => stage,
    };
}
