using Fluid;

namespace NetworkCenter.Supervision.Mail.Templates;

/// <summary>Settings under <c>Templates</c>.</summary>
public sealed class TemplateDirectoryOptions
{
    public const string Section = "Templates";

    /// <summary>The folder with <c>mail/</c> and <c>letters/</c>; by default <c>workflows/templates</c> beside the binaries.</summary>
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "workflows", "templates");
}

/// <summary>A template that is missing or does not parse; the message names the file and the reason.</summary>
public sealed class TemplateException(string message) : Exception(message);

internal static class TemplateFiles
{
    public static string Resolve(TemplateDirectoryOptions options, string kind, string fileName)
    {
        // Names come from definitions that supervisors edit: keep them inside the templates folder.
        if (fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal) || fileName.Contains("..", StringComparison.Ordinal))
        {
            throw new TemplateException($"'{fileName}' is not a template name.");
        }
        var path = Path.Combine(options.Directory, kind, fileName);
        return File.Exists(path) ? path : throw new TemplateException($"No template {kind}/{fileName} in {options.Directory}.");
    }

    public static IFluidTemplate Parse(FluidParser parser, string path, string source) =>
        parser.TryParse(source, out var template, out var error)
            ? template
            : throw new TemplateException($"{path}: {error}");
}

/// <summary>Liquid rendering context over plain data (strings, numbers, dates, lists and dictionaries), in China Standard Time.</summary>
internal static class LiquidContext
{
    private static readonly Fluid.TemplateOptions Options = new()
    {
        TimeZone = TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "CST"),
    };

    public static TemplateContext For(IReadOnlyDictionary<string, object?> data)
    {
        var context = new TemplateContext(Options);
        foreach (var (key, value) in data)
        {
            context.SetValue(key, value);
        }
        return context;
    }
}
