using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkCenter.Workflows.Forms;

namespace NetworkCenter.Workflows.Tests.Forms;

/// <summary>Whatever a browser, a script or a supervisor sends, the validator answers and never throws.</summary>
public sealed class FormValidatorProperties
{
    private static readonly string ClueRegistration = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Forms", "Fixtures", "clue-registration.form"));
    private static readonly string FilingDecision = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Forms", "Fixtures", "filing-decision.form"));

    private static readonly string[] Keys =
        ["a", "b", "x", "a.b", "name", "content", "court", "parties", "sourceKind", "receivedOn", "votesFor", "decidedAt", "legalBasis", "amountRecovered", "components", "type", "value"];

    private static readonly string[] InterestingStrings =
        ["", " ", "=a > 1", "2026-03-02", "2026-02-30", "09:30Z", "09:30+08:00", "2026-03-02T09:30+08:00", "12.345", "1e400", "NaN",
         "-0", "+8613800138000", "a@b.cn", "（2025）冀0102民初123号", "judgment", "file", "cpl-216", "\u0000", "\uD800", "🙂🙂"];

    private static readonly string[] ComponentTypes =
        ["textfield", "textarea", "number", "checkbox", "checklist", "taglist", "radio", "select", "datetime", "group", "dynamiclist",
         "text", "html", "image", "spacer", "separator", "button", "table", "iframe", "filepicker", "expression", "mystery"];

    private static readonly string[] Patterns = ["^[a-z]+$", "\\d{4}", "(", "[", "(?<=a)b", "^(a+)+$", "\\p{IsCJKUnifiedIdeographs}+", "=expr"];

    private static Gen<JsonNode?> Leaf() => Gen.OneOf(
        Gen.Constant<JsonNode?>(null),
        ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)JsonValue.Create(b)),
        ArbMap.Default.GeneratorFor<int>().Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Elements(0.5, -1.25, 1e300, -1e300, 12.345, 7.9e28, 1e-30, 0.01).Select(d => (JsonNode?)JsonValue.Create(d)),
        ArbMap.Default.GeneratorFor<string>().Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Elements(InterestingStrings).Select(s => (JsonNode?)JsonValue.Create(s)));

    private static Gen<JsonNode?> Json(int size) => size <= 0
        ? Leaf()
        : Gen.OneOf(
            Leaf(),
            Many(Json(size / 3), 4).Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())])),
            Many(Gen.Elements(Keys).Zip(Json(size / 3)), 5).Select(ToObject));

    private static Gen<List<T>> Many<T>(Gen<T> gen, int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.ListOf(gen, n)).Select(items => items.ToList());

    private static JsonNode? ToObject(IEnumerable<(string Key, JsonNode? Value)> pairs)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            obj[key] = value?.DeepClone();
        }
        return obj;
    }

    /// <summary>Components shaped like form-js's, with arbitrary rule values where real ones would be.</summary>
    private static Gen<JsonNode?> Component(int size) =>
        from type in Gen.Elements(ComponentTypes)
        from key in Gen.Elements(Keys)
        from rules in Many(Gen.OneOf(
            Gen.Elements("required", "minLength", "maxLength", "min", "max", "validationType", "decimalDigits").Zip(Gen.OneOf(Leaf(), Gen.Elements<JsonNode?>(true, 3, 0, "email", "phone"))),
            Gen.Elements(Patterns).Select(p => ("pattern", (JsonNode?)JsonValue.Create(p)))), 4)
        from options in Many(Gen.Elements("subtype", "timeSerializingFormat", "increment", "serializeToString", "disabled", "values", "valuesKey", "path")
            .Zip(Gen.OneOf(Json(2), Gen.Elements<JsonNode?>("time", "datetime", "no_timezone", "utc_normalized", "0.01", true, "=x", "a"))), 3)
        from children in size <= 0 ? Gen.Constant(new List<JsonNode?>()) : Many(Component(size / 3), 3)
        select (JsonNode?)BuildComponent(type, key, rules, options, children);

    private static JsonObject BuildComponent(
        string type, string key, IEnumerable<(string, JsonNode?)> rules, IEnumerable<(string, JsonNode?)> options, List<JsonNode?> children)
    {
        var component = new JsonObject { ["type"] = type, ["key"] = key, ["validate"] = ToObject(rules) };
        foreach (var (name, value) in options)
        {
            component[name] = value?.DeepClone();
        }
        if (type is "group" or "dynamiclist")
        {
            component["path"] ??= key;
            component["components"] = new JsonArray([.. children.Select(c => c?.DeepClone())]);
        }
        return component;
    }

    // Now and then a component form-js would never write: not an object, without a type, a list without a path.
    private static Gen<JsonNode?> AnyComponent(int size) => Gen.Frequency(
        (12, Component(size)),
        (1, Gen.Elements<JsonNode?>("textfield", 3, null, new JsonObject { ["key"] = "a" }, new JsonObject { ["type"] = "dynamiclist", ["components"] = new JsonArray() })
            .Select(n => n?.DeepClone())));

    private static Gen<string> Schema() => Gen.Sized(size =>
        Many(AnyComponent(Math.Min(size, 30)), 6)
            .Select(components => new JsonObject { ["type"] = "default", ["components"] = new JsonArray([.. components.Select(c => c?.DeepClone())]) }.ToJsonString()));

    private static Gen<string> Data() => Gen.Sized(size => Json(Math.Min(size, 40)).Select(node => node?.ToJsonString() ?? "null"));

    /// <summary>Submissions as browsers send them: an object whose keys are often the fields' keys.</summary>
    private static Gen<string> DataObject() => Gen.Sized(size =>
        Many(Gen.Elements(Keys).Zip(Json(Math.Min(size, 40) / 3)), 8).Select(pairs => ToObject(pairs)!.ToJsonString()));

    private static bool Answers(string? schema, string? data)
    {
        var result = FormValidator.Validate(schema, data);
        _ = FormValidator.CheckSchema(schema);
        return result.SchemaProblem is not null || result.Errors.All(e => e.Field is not null && !string.IsNullOrEmpty(e.Message));
    }

    [Property(MaxTest = 300)]
    public Property RandomText_AsSchemaOrData_NeverThrows() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<string>(), (schema, data) => Answers(schema, data) && Answers(ClueRegistration, data));

    [Property(MaxTest = 300)]
    public Property RandomJson_SubmittedToRealForms_NeverThrows() =>
        Prop.ForAll(Gen.OneOf(DataObject(), Data()).ToArbitrary(), data => Answers(ClueRegistration, data) && Answers(FilingDecision, data));

    [Property(MaxTest = 300)]
    public Property RandomFormJsSchemas_WithRandomData_NeverThrow() =>
        Prop.ForAll(Schema().ToArbitrary(), Gen.OneOf(DataObject(), Data()).ToArbitrary(), Answers);

    [Property(MaxTest = 200)]
    public Property RandomJson_AsASchema_NeverThrows() =>
        Prop.ForAll(Data().ToArbitrary(), Data().ToArbitrary(), Answers);

    [Property(MaxTest = 200)]
    public Property KeysNoFieldBinds_NeverChangeTheVerdict() =>
        Prop.ForAll(Data().ToArbitrary(), Gen.Elements("zzUnbound", "processVariable").ToArbitrary(), (extra, name) =>
        {
            var valid = new JsonObject
            {
                ["decision"] = "file", ["decidedBy"] = "检察长", ["decidedAt"] = "2026-03-02T09:30+08:00",
                [name] = JsonNode.Parse(extra),
            };
            return FormValidator.Validate(FilingDecision, valid.ToJsonString()).IsValid;
        });

    [Fact]
    public void Generators_ReachFieldErrorsAndSchemaProblems_NotOnlyTrivialCases()
    {
        var results = Schema().Zip(DataObject()).Sample(200, 60).Select(p => FormValidator.Validate(p.Item1, p.Item2)).ToList();

        Assert.Contains(results, r => r.SchemaProblem is not null);
        Assert.Contains(results, r => r.SchemaProblem is null && r.Errors.Count > 0);
        Assert.Contains(results, r => r.IsValid);
    }
}
