using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NetworkCenter.Supervision.Clues;
using NetworkCenter.Supervision.Clues.Attachments;

namespace NetworkCenter.Web.Clues;

/// <summary>
/// Reads a clue from JSON, or from multipart/form-data with the JSON in a part named <c>clue</c> and files in the other
/// parts. Files are streamed section by section to temporary files, never buffered whole, under a request size limit
/// raised for these endpoints only. A JSON error names its field (<c>judgmentDate</c>) like every other validation error.
/// </summary>
internal sealed class ClueRequestReader(IOptions<JsonOptions> json)
{
    public const int MaxFiles = 10;
    public const long MaxRequestBytes = MaxFiles * IncomingAttachment.MaxBytes + 1024 * 1024;

    public sealed class Result : IAsyncDisposable
    {
        public ClueInput? Clue { get; set; }
        public List<IncomingAttachment> Files { get; } = [];
        public ProblemList Errors { get; } = new();
        public bool TooLarge { get; set; }
        public bool UnsupportedMediaType { get; set; }

        public async ValueTask DisposeAsync()
        {
            foreach (var file in Files) await file.DisposeAsync();
        }
    }

    public async Task<Result> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var result = new Result();
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBytes;
        }
        try
        {
            if (request.HasJsonContentType())
            {
                result.Clue = await DeserializeAsync(request.Body, result.Errors, cancellationToken);
            }
            else if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                     && HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 } boundary)
            {
                await ReadMultipartAsync(new MultipartReader(boundary, request.Body), result, cancellationToken);
            }
            else
            {
                result.UnsupportedMediaType = true;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            result.TooLarge = true;
        }
        return result;
    }

    private async Task ReadMultipartAsync(MultipartReader reader, Result result, CancellationToken cancellationToken)
    {
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }
            if (disposition.IsFileDisposition())
            {
                if (result.Files.Count == MaxFiles)
                {
                    result.Errors.Set("attachments", UploadMessages.TooManyFiles(MaxFiles));
                    continue;
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                result.Files.Add(await IncomingAttachment.SpoolAsync(name, section.ContentType, section.Body, cancellationToken));
            }
            else if (HeaderUtilities.RemoveQuotes(disposition.Name).Value == "clue")
            {
                result.Clue = await DeserializeAsync(section.Body, result.Errors, cancellationToken);
            }
        }
        if (result.Clue is null && !result.Errors.ContainsKey("clue"))
        {
            result.Errors.Set("clue", ClueMessages.CluePartRequired());
        }
    }

    private async Task<ClueInput?> DeserializeAsync(Stream body, ProblemList errors, CancellationToken cancellationToken)
    {
        try
        {
            var clue = await JsonSerializer.DeserializeAsync<ClueInput>(body, json.Value.SerializerOptions, cancellationToken);
            if (clue is null) errors.Set("clue", ClueMessages.Required());
            return clue;
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "clue";
            errors.Set(field, field == "clue" ? ClueMessages.NotJson() : ClueMessages.InvalidValue());
            return null;
        }
    }
}
