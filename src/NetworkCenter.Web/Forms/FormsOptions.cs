namespace NetworkCenter.Web.Forms;

/// <summary>Settings under <c>Forms</c>: where the task forms (form-js schemas) live.</summary>
public sealed class FormsOptions
{
    public const string Section = "Forms";

    /// <summary>
    /// The folder of <c>*.form</c> files. Empty: the repository's <c>workflows/forms</c> when running from a source
    /// tree, else <c>workflows/forms</c> beside the binaries.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>The largest form file accepted, in bytes.</summary>
    public int MaxBytes { get; set; } = 256 * 1024;
}
