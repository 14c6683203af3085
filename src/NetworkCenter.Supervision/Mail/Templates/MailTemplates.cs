using Fluid;
using Microsoft.Extensions.Options;

namespace NetworkCenter.Supervision.Mail.Templates;

/// <summary>
/// Email templates: Liquid files <c>mail/{name}.{language}.liquid</c> under the templates folder, a front-matter line
/// <c>subject: ...</c> between <c>---</c> lines, then the body. Parsed once per version of the file; a missing template or
/// one that does not parse is an error naming the file.
/// </summary>
public sealed class MailTemplates(IOptions<TemplateDirectoryOptions> options)
{
    private static readonly FluidParser Parser = new();
    private readonly TemplateCache<(IFluidTemplate Subject, IFluidTemplate Body)> _cache = new();

    public async Task<RenderedMail> RenderAsync(string name, string language, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        var (subject, body) = _cache.Get(TemplateFiles.Resolve(options.Value, "mail", $"{name}.{language}.liquid"), Load);
        var context = LiquidContext.For(data);
        var renderedSubject = (await subject.RenderAsync(context)).Trim();
        var renderedBody = await body.RenderAsync(context);
        cancellationToken.ThrowIfCancellationRequested();
        return new RenderedMail(renderedSubject, renderedBody.Trim() + "\n");
    }

    private static (IFluidTemplate, IFluidTemplate) Load(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal) || text.IndexOf("\n---\n", 4, StringComparison.Ordinal) is var end && end < 0)
        {
            throw new TemplateException($"{path}: a mail template starts with a front matter block (---, subject: ..., ---).");
        }
        var frontMatter = text[4..end].Split('\n');
        var subjectLine = frontMatter.FirstOrDefault(l => l.StartsWith("subject:", StringComparison.Ordinal))
            ?? throw new TemplateException($"{path}: the front matter has no 'subject:' line.");
        return (TemplateFiles.Parse(Parser, path, subjectLine["subject:".Length..]), TemplateFiles.Parse(Parser, path, text[(end + 5)..]));
    }
}

public sealed record RenderedMail(string Subject, string Body);
