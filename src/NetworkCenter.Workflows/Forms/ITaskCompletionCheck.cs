using System.Text.Json.Nodes;

namespace NetworkCenter.Workflows.Forms;

/// <summary>
/// A rule a form schema cannot express (a date at least a period after today, a choice among values the process
/// proposed), checked when a task with the form is completed. Problems refuse the completion with 400, like schema
/// errors. Registered by the domain in DI.
/// </summary>
public interface ITaskCompletionCheck
{
    /// <summary>The problems with <paramref name="submitted"/> for a task whose form is <paramref name="formKey"/>;
    /// <paramref name="variables"/> are the task's visible variables before completion.</summary>
    IEnumerable<FormFieldError> Check(string formKey, JsonObject submitted, JsonObject variables, DateTimeOffset now);
}
