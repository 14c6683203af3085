using System.Collections.Concurrent;
using Fluid;

namespace NetworkCenter.Supervision.Mail.Templates;

/// <summary>Settings under <c>Templates</c>.</summary>
public sealed class TemplateDirectoryOptions
{
    public const string Section = "Templates";

    /// <summary>
    /// The folder with <c>mail/</c> and <c>letters/</c>; relative paths are beside the binaries. Empty: <c>templates</c>
    /// inside the workflows folder (the engine's <c>WorkflowFolders</c> rule), so under <c>dotnet run</c> the
    /// repository's <c>workflows/templates</c>, the files people edit, rather than the copy made at the last build.
    /// </summary>
    public string? Directory { get; set; }
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
        var path = Path.Combine(options.Directory ?? "", kind, fileName);
        return File.Exists(path) ? path : throw new TemplateException($"No template {kind}/{fileName} in {options.Directory}.");
    }

    /// <summary>The configured folder, or <c>templates</c> inside the workflows folder when none is.</summary>
    public static string Folder(string? configured, string workflowsFolder) =>
        configured is { Length: > 0 } ? Path.GetFullPath(configured, AppContext.BaseDirectory) : Path.Combine(workflowsFolder, "templates");

    public static IFluidTemplate Parse(FluidParser parser, string path, string source) =>
        parser.TryParse(source, out var template, out var error)
            ? template
            : throw new TemplateException($"{path}: {error}");
}

/// <summary>
/// Parsed templates by file. The templates are edited in place (in the repository under <c>dotnet run</c>), so a parsed
/// one is used only while its file's last-write time and length are the ones it was parsed from, as the task forms are.
/// </summary>
internal sealed class TemplateCache<T>
{
    private readonly ConcurrentDictionary<string, (DateTime Written, long Length, T Parsed)> _entries = new(StringComparer.Ordinal);

    public T Get(string path, Func<string, T> parse)
    {
        var file = new FileInfo(path);
        if (_entries.TryGetValue(path, out var cached) && cached.Written == file.LastWriteTimeUtc && cached.Length == file.Length)
        {
            return cached.Parsed;
        }
        // Stamped before reading: an edit racing this read leaves a newer stamp on the file, so the next use reads again.
        var (written, length) = (file.LastWriteTimeUtc, file.Length);
        var parsed = parse(path);
        _entries[path] = (written, length, parsed);
        return parsed;
    }
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
