using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkCenter.Workflows.Forms;

namespace NetworkCenter.Workflows.Tests.Forms;

/// <summary>
/// Random submissions against every form the procedures use (<c>workflows/forms</c>): wrong types, missing and extra
/// fields, huge strings, nested objects, nulls, unicode, numbers at the edges. Each is either accepted with every
/// field's value of the kind its component stores, or refused naming the field; the validator never throws.
/// </summary>
public sealed class WorkflowFormsProperties
{
    private sealed record Field(string Key, string Type, JsonArray? Values);

    private sealed record Form(string Name, string Schema, IReadOnlyList<Field> Fields);

    private static readonly Form[] Forms = LoadForms();

    private static readonly string[] Strings =
        ["", " ", "\u0000", "\uFEFF", "<script>alert(1)</script>", "'; drop table engine.tasks; --", "{{constructor.constructor('x')()}}",
         "2026-03-02", "2026-03-02T09:30", "2026-03-02T09:30:00+08:00", "2026-02-30", "9999-12-31", "09:30", "true", "12", "1e400",
         "线索受理", "𠀀𠀁", "🙂", "\u202Eevil", "a\r\nb", "=1 + 1", "inside", "file", "judgment-supervision"];

    private static readonly double[] EdgeNumbers =
        [0, -0.0, 1, -1, 0.5, int.MaxValue, int.MinValue, long.MaxValue, 9007199254740993, 1e308, -1e308, double.Epsilon, 1e-30, 7.9e28];

    private static Form[] LoadForms()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !Directory.Exists(Path.Combine(repository.FullName, "workflows", "forms")))
        {
            repository = repository.Parent;
        }
        Assert.NotNull(repository);
        return [.. Directory.GetFiles(Path.Combine(repository.FullName, "workflows", "forms"), "*.form").Order(StringComparer.Ordinal).Select(file =>
        {
            var schema = File.ReadAllText(file);
            var fields = JsonNode.Parse(schema)!["components"]!.AsArray().OfType<JsonObject>()
                .Where(c => c["key"] is not null)
                .Select(c => new Field(c["key"]!.GetValue<string>(), c["type"]!.GetValue<string>(), c["values"] as JsonArray))
                .ToList();
            return new Form(Path.GetFileName(file), schema, fields);
        })];
    }

    private static Gen<JsonNode?> AnyValue(int depth)
    {
        var leaves = new List<(int, Gen<JsonNode?>)>
        {
            (3, Gen.Constant<JsonNode?>(null)),
            (3, ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)b)),
            (4, Gen.Elements(EdgeNumbers).Select(d => (JsonNode?)d)),
            (3, ArbMap.Default.GeneratorFor<int>().Select(i => (JsonNode?)i)),
            (6, Gen.Elements(Strings).Select(s => (JsonNode?)s)),
            (3, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).Select(s => (JsonNode?)s)),
            (1, Gen.Choose(1, 200_000).Select(n => (JsonNode?)new string('x', n))),
            (1, Gen.Choose(1, 20_000).Select(n => (JsonNode?)new string('长', n))),
        };
        if (depth > 0)
        {
            leaves.Add((2, Gen.ListOf(AnyValue(depth - 1), 3).Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]))));
            leaves.Add((2, Gen.ListOf(Gen.Elements("a", "value", "label", "key").Zip(AnyValue(depth - 1)), 2)
                .Select(pairs => (JsonNode?)new JsonObject(pairs.DistinctBy(p => p.Item1).Select(p => KeyValuePair.Create(p.Item1, p.Item2?.DeepClone()))))));
        }
        return Gen.Frequency(leaves);
    }

    // A value the field would take: mostly right, so that accepted submissions are common.
    private static Gen<JsonNode?> FittingValue(Field field) => field.Type switch
    {
        "radio" or "select" when field.Values is { Count: > 0 } values => Gen.Elements(values.Select(v => v!["value"]?.DeepClone()).ToArray()),
        "checkbox" => ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)b),
        "number" => Gen.Choose(0, 1000).Select(i => (JsonNode?)i),
        "datetime" => Gen.Elements<JsonNode?>("2026-03-02T09:30", "2026-03-02T09:30+08:00", "2026-03-02", "09:30"),
        _ => Gen.Elements(Strings.Where(s => s.Trim().Length > 0).ToArray()).Select(s => (JsonNode?)s),
    };

    private static Gen<(Form Form, string Data)> Submission() =>
        from form in Gen.Elements(Forms)
        from values in Gen.CollectToSequence(form.Fields, field => Gen.Frequency(
            (6, FittingValue(field).Select(v => (Present: true, Value: v))),
            (3, AnyValue(2).Select(v => (Present: true, Value: v))),
            (2, Gen.Constant((Present: false, Value: (JsonNode?)null)))))
        from extra in Gen.ListOf(Gen.Elements("zz", "__proto__", "constructor", "$type", "").Zip(AnyValue(2)), 2)
        select (form, Build(form, values.ToList(), extra));

    private static string Build(Form form, List<(bool Present, JsonNode? Value)> values, IEnumerable<(string, JsonNode?)> extra)
    {
        var data = new JsonObject();
        foreach (var (key, value) in extra)
        {
            data[key] = value?.DeepClone();
        }
        for (var i = 0; i < form.Fields.Count; i++)
        {
            if (values[i].Present)
            {
                data[form.Fields[i].Key] = values[i].Value?.DeepClone();
            }
        }
        return data.ToJsonString();
    }

    private static bool StoredAsTheSchemaSays(Field field, JsonNode? value) => value is null || field.Type switch
    {
        "textfield" or "textarea" or "datetime" => value.GetValueKind() == System.Text.Json.JsonValueKind.String,
        "number" => value.GetValueKind() is System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.String,
        "checkbox" => value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
        "radio" or "select" => field.Values is null || field.Values.Any(v => JsonNode.DeepEquals(v!["value"], value)),
        _ => true,
    };

    [Fact]
    public void EveryProcedureForm_IsUsable()
    {
        Assert.True(Forms.Length >= 16, $"{Forms.Length} forms");
        Assert.All(Forms, f => Assert.Null(FormValidator.CheckSchema(f.Schema)));
    }

    [Property(MaxTest = 500)]
    public Property RandomSubmissions_AreAcceptedAsTheSchemaSays_OrRefusedNamingTheField() =>
        Prop.ForAll(Submission().ToArbitrary(), submission =>
        {
            var (form, data) = submission;
            var result = FormValidator.Validate(form.Schema, data);
            var keys = form.Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            if (result.SchemaProblem is not null)
            {
                return false.Label($"{form.Name}: {result.SchemaProblem}");
            }
            if (!result.IsValid)
            {
                return result.Errors.All(e => (e.Field.Length == 0 || keys.Contains(e.Field.Split('.', '[')[0])) && e.Message.Length > 0)
                    .Label($"{form.Name}: {string.Join("; ", result.Errors)}");
            }
            var stored = JsonNode.Parse(data)!.AsObject();
            return form.Fields.All(f => StoredAsTheSchemaSays(f, stored[f.Key]))
                .Label($"{form.Name} accepted {data}");
        });

    // Found by the property on a random seed: "" was taken as "no answer" for every field, a checkbox included. form-js
    // always submits a checkbox as true or false, so anything else comes from no viewer and is refused naming the field.
    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"true\"")]
    [InlineData("0")]
    [InlineData("[]")]
    public void ACheckbox_AnsweredOtherThanTrueOrFalse_IsRefusedNamingTheField(string answer)
    {
        var form = Forms.First(f => f.Fields.Any(field => field.Type == "checkbox"));
        var checkbox = form.Fields.First(f => f.Type == "checkbox");

        var result = FormValidator.Validate(form.Schema, $$"""{ "{{checkbox.Key}}": {{answer}} }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(checkbox.Key, error.Field);
        Assert.Equal("form.boolean", error.Code);
    }

    [Fact]
    public void Submissions_ReachBothVerdicts_OnEveryForm()
    {
        var verdicts = Submission().Sample(800)
            .GroupBy(s => s.Form.Name)
            .ToDictionary(g => g.Key, g => g.Select(s => FormValidator.Validate(s.Form.Schema, s.Data).IsValid).Distinct().Count());

        Assert.Equal(Forms.Length, verdicts.Count);
        Assert.True(verdicts.Count(v => v.Value == 2) >= Forms.Length - 3, string.Join(", ", verdicts));
    }
}
