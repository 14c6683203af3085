namespace NetworkCenter.Web.Forms;

/// <summary>Settings under <c>Forms</c>: limits of the form editor; the folder is the engine's <c>Workflows:FormsDirectory</c>.</summary>
public sealed class FormsOptions
{
    public const string Section = "Forms";

    /// <summary>The largest form file accepted, in bytes.</summary>
    public int MaxBytes { get; set; } = 256 * 1024;
}
