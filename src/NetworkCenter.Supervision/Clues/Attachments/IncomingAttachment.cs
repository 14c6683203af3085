using System.Security.Cryptography;

namespace NetworkCenter.Supervision.Clues.Attachments;

/// <summary>
/// An uploaded or mailed file spooled to a temporary file (deleted on dispose) while its size is counted and its hash
/// computed, so a 20 MB attachment never sits in memory and an oversized one is cut off after one byte too many.
/// </summary>
internal sealed class IncomingAttachment : IAsyncDisposable
{
    public const long MaxBytes = 20L * 1024 * 1024;

    private readonly FileStream _spool;

    private IncomingAttachment(string fileName, string? declaredType, FileStream spool, long length, bool tooLarge, string sha256)
    {
        FileName = fileName;
        DeclaredType = declaredType;
        _spool = spool;
        Length = length;
        TooLarge = tooLarge;
        Sha256 = sha256;
    }

    public string FileName { get; }
    public string? DeclaredType { get; }
    public long Length { get; }
    public bool TooLarge { get; }
    public string Sha256 { get; }

    public static async Task<IncomingAttachment> SpoolAsync(string? fileName, string? declaredType, Stream source, CancellationToken cancellationToken)
    {
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long total = 0;
            var tooLarge = false;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxBytes)
                {
                    tooLarge = true;
                    break;
                }
                hash.AppendData(buffer, 0, read);
                await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            var name = string.IsNullOrWhiteSpace(fileName) ? "attachment" : Path.GetFileName(fileName.Replace('\\', '/'));
            return new IncomingAttachment(name, declaredType, spool, tooLarge ? total : spool.Length, tooLarge,
                Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    /// <summary>The spooled bytes from the start; the stream stays owned by this attachment.</summary>
    public Stream OpenRead()
    {
        _spool.Position = 0;
        return _spool;
    }

    public ValueTask DisposeAsync() => _spool.DisposeAsync();
}
