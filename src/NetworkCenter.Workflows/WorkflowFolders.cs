using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NetworkCenter.Workflows;

/// <summary>
/// Where the procedure definitions and their task forms are, for everything that reads or writes them: the start-up
/// deployment, the engine's form check and the host's form editor. One rule, so a form saved in the editor is the
/// form the engine judges by, and a definition edited in the repository is the one deployed.
/// </summary>
internal sealed class WorkflowFolders(IOptions<WorkflowOptions> options, IHostEnvironment environment)
{
    /// <summary>The folder whose <c>*.bpmn</c> files are deployed at start-up.</summary>
    public string Definitions => options.Value.Directory is { Length: > 0 } configured
        ? Path.GetFullPath(configured, AppContext.BaseDirectory)
        : DefaultDefinitions();

    /// <summary>The folder of the <c>*.form</c> files (form-js schemas) named by the tasks' <c>formKey</c>.</summary>
    public string Forms => options.Value.FormsDirectory is { Length: > 0 } configured
        ? Path.GetFullPath(configured, AppContext.BaseDirectory)
        : Path.Combine(Definitions, "forms");

    // Under `dotnet run` (and in tests) the content root is src/NetworkCenter.Web of a source tree: the repository's own
    // workflows folder is the one people edit, while the copy beside the binaries changes only on the next build.
    private string DefaultDefinitions()
    {
        var repository = Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "workflows"));
        return Directory.Exists(repository) ? repository : Path.Combine(AppContext.BaseDirectory, "workflows");
    }
}
