using System.Text;
using System.Text.RegularExpressions;

namespace NetworkCenter.Supervision.Procedures.Argumentation;

/// <summary>
/// Pseudonymises a brief (最高人民法院 2016 rules, Arts 9–10, stricter for internal packs): natural persons become
/// surname + 某 (甲, 乙 when two share a surname), the judge and the agents are named by role, and addresses, phone
/// numbers, ID numbers, bank accounts and plate numbers are removed. Legal persons keep their names.
/// </summary>
internal static partial class BriefAnonymiser
{
    public sealed record KeyEntry(string Pseudonym, string RealName, string Kind);

    public sealed record Result(string Text, IReadOnlyList<KeyEntry> Key);

    private static readonly string[] Ordinals = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"];

    [GeneratedRegex(@"\d{17}[\dXx]|\d{15}")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<!\d)\d{12,19}(?!\d)")]
    private static partial Regex BankAccount();

    [GeneratedRegex(@"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]·?[A-Z0-9]{5,6}")]
    private static partial Regex Plate();

    /// <summary>The proposed brief for a clue: its facts with every identity replaced.</summary>
    public static Result Propose(ClueFacts clue, ClueIdentities people)
    {
        var key = Pseudonyms(people);
        var text = new StringBuilder();
        text.AppendLine($"案件简介（线索登记号 {clue.RegisterNumber}）");
        text.AppendLine();
        if (!string.IsNullOrWhiteSpace(clue.Court))
        {
            text.AppendLine($"审理法院：{clue.Court}");
        }
        text.AppendLine("当事人：" + string.Join("；", people.Parties.Select(p =>
            $"{RoleName(p.Role)} {(p.PersonKind == "natural" ? key.First(k => k.RealName == p.Name && k.Kind == "party").Pseudonym : p.Name)}")));
        if (!string.IsNullOrWhiteSpace(people.Judge))
        {
            text.AppendLine("审判人员：审判员");
        }
        if (people.Agents.Count > 0)
        {
            text.AppendLine("诉讼代理人：" + string.Join("；", people.Agents.Select(a => key.First(k => k.RealName == a.Name).Pseudonym)));
        }
        text.AppendLine();
        text.AppendLine("基本案情：");
        text.AppendLine(Apply(clue.Summary, key, people));
        return new Result(text.ToString().Trim(), key);
    }

    /// <summary>Replaces every known identity in <paramref name="text"/> and removes every number that identifies.</summary>
    public static string Apply(string text, IReadOnlyList<KeyEntry> key, ClueIdentities people)
    {
        foreach (var address in people.Parties.Select(p => p.Address).Where(a => !string.IsNullOrWhiteSpace(a)))
        {
            text = text.Replace(address!, "", StringComparison.Ordinal);
        }
        foreach (var entry in key.OrderByDescending(k => k.RealName.Length))
        {
            text = text.Replace(entry.RealName, entry.Pseudonym, StringComparison.Ordinal);
        }
        // "审判员李某某" became "审判员审判员": say the role once.
        foreach (var pseudonym in key.Select(k => k.Pseudonym).Distinct())
        {
            text = text.Replace(pseudonym + pseudonym, pseudonym, StringComparison.Ordinal);
        }
        text = IdNumber().Replace(text, "");
        text = Phone().Replace(text, "");
        text = BankAccount().Replace(text, "");
        return Plate().Replace(text, "");
    }

    /// <summary>What still identifies someone in <paramref name="text"/>: each a description, empty when none.</summary>
    public static IReadOnlyList<string> Findings(string text, ClueIdentities people)
    {
        var findings = new List<string>();
        void Look(string? value, string what)
        {
            if (!string.IsNullOrWhiteSpace(value) && value.Trim().Length >= 2 && text.Contains(value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                findings.Add($"{what}「{value.Trim()}」");
            }
        }
        foreach (var party in people.Parties)
        {
            if (party.PersonKind == "natural")
            {
                Look(party.Name, "当事人姓名");
                Look(party.Name.Length >= 3 ? party.Name[1..] : null, "当事人名字");
            }
            Look(party.IdNumber, "身份证件号码");
            Look(party.Phone, "电话号码");
            Look(party.Email, "电子邮箱");
            Look(party.Address, "住址");
        }
        foreach (var agent in people.Agents)
        {
            Look(agent.Name, "代理人姓名");
            Look(agent.LawFirm, "律师事务所");
            Look(agent.Phone, "电话号码");
        }
        Look(people.Judge, "审判人员姓名");
        Look(people.ReporterName, "举报人姓名");
        Look(people.ReporterIdNumber, "身份证件号码");
        Look(people.ReporterPhone, "电话号码");
        foreach (var (pattern, what) in new[] { (IdNumber(), "身份证件号码"), (Phone(), "电话号码"), (BankAccount(), "银行账号"), (Plate(), "车牌号码") })
        {
            foreach (Match match in pattern.Matches(text))
            {
                findings.Add($"{what}「{match.Value}」");
            }
        }
        return [.. findings.Distinct()];
    }

    private static List<KeyEntry> Pseudonyms(ClueIdentities people)
    {
        var key = new List<KeyEntry>();
        var naturals = people.Parties.Where(p => p.PersonKind == "natural").Select(p => p.Name).Distinct().ToList();
        foreach (var group in naturals.GroupBy(n => n[..1]))
        {
            var names = group.ToList();
            for (var i = 0; i < names.Count; i++)
            {
                var pseudonym = names.Count == 1 ? $"{group.Key}某" : $"{group.Key}某{Ordinals[i % Ordinals.Length]}";
                key.Add(new KeyEntry(pseudonym, names[i], "party"));
                // A three-character name is often written by its given name alone ("三丰称…").
                if (names[i].Length >= 3)
                {
                    key.Add(new KeyEntry(pseudonym, names[i][1..], "party-given-name"));
                }
            }
        }
        var agents = people.Agents.Select(a => a.Name).Distinct().ToList();
        for (var i = 0; i < agents.Count; i++)
        {
            key.Add(new KeyEntry(agents.Count == 1 ? "代理人" : $"代理人{Ordinals[i % Ordinals.Length]}", agents[i], "agent"));
        }
        foreach (var firm in people.Agents.Select(a => a.LawFirm).Where(f => !string.IsNullOrWhiteSpace(f)).Distinct())
        {
            key.Add(new KeyEntry("某律师事务所", firm!, "law-firm"));
        }
        if (!string.IsNullOrWhiteSpace(people.Judge))
        {
            key.Add(new KeyEntry("审判员", people.Judge, "judge"));
        }
        if (!string.IsNullOrWhiteSpace(people.ReporterName))
        {
            key.Add(new KeyEntry("举报人", people.ReporterName, "reporter"));
        }
        return key;
    }

    private static string RoleName(string role) => role switch
    {
        "applicant" => "申请人",
        "respondent" => "被申请人",
        "third-party" => "第三人",
        _ => "其他当事人",
    };
}
