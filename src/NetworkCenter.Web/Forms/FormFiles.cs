using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NetworkCenter.Workflows;

namespace NetworkCenter.Web.Forms;

/// <summary>
/// The form-js schemas of the engine's forms folder (<see cref="WorkflowFolders.Forms"/>). Names are restricted to <c>[a-z0-9-]+.form</c>, so a name can never
/// leave the folder; writes replace the file atomically and check the caller's ETag, so two editors cannot silently
/// overwrite each other.
/// </summary>
internal sealed partial class FormFiles(IOptions<FormsOptions> options, WorkflowFolders folders)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // The files are read by people in review; Chinese labels stay readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public sealed record FormSummary(string Name, long Size, DateTimeOffset Modified);

    public sealed record StoredForm(string Json, string ETag);

    public enum SaveOutcome { Saved, Created, Conflict }

    [GeneratedRegex("^[a-z0-9-]+\\.form$")]
    public static partial Regex NamePattern();

    public int MaxBytes => options.Value.MaxBytes;

    // The engine's forms folder, so a saved form judges the next completion (TaskForms reads the same files).
    public string Folder => folders.Forms;

    public IReadOnlyList<FormSummary> List()
    {
        var folder = new DirectoryInfo(Folder);
        return folder.Exists
            ? [.. folder.EnumerateFiles("*.form").Where(f => NamePattern().IsMatch(f.Name)).OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => new FormSummary(f.Name, f.Length, f.LastWriteTimeUtc))]
            : [];
    }

    public async Task<StoredForm?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return null;
        }
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return new StoredForm(System.Text.Encoding.UTF8.GetString(bytes), ETagOf(bytes));
    }

    /// <summary>
    /// Writes the schema, indented. <paramref name="ifMatch"/> must name the current version when the file exists;
    /// <paramref name="mustBeNew"/> (If-None-Match: *) refuses to replace an existing file.
    /// </summary>
    public async Task<(SaveOutcome Outcome, string ETag)> SaveAsync(string name, JsonObject schema, string? ifMatch, bool mustBeNew,
        CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(schema, Indented);
        var path = PathOf(name);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var exists = File.Exists(path);
            if (exists && (mustBeNew || (ifMatch is not null && ifMatch != ETagOf(await File.ReadAllBytesAsync(path, cancellationToken)))))
            {
                return (SaveOutcome.Conflict, "");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + $".{Guid.NewGuid():N}.tmp";
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return (exists ? SaveOutcome.Saved : SaveOutcome.Created, ETagOf(bytes));
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private string PathOf(string name) =>
        NamePattern().IsMatch(name) ? Path.Combine(Folder, name) : throw new ArgumentException("Not a form file name.", nameof(name));

    private static string ETagOf(byte[] bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";
}
