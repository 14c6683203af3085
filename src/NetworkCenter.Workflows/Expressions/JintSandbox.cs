using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace NetworkCenter.Workflows.Expressions;

/// <summary>
/// The globals a script sees besides the variables (Camunda's <c>execution</c> and the <c>empty</c> helper), and
/// what it leaves behind.
/// </summary>
internal static class JintSandbox
{
    public const string ExecutionName = "execution";
    public const string IsEmptyName = "__isEmpty";

    /// <summary>
    /// Whether <paramref name="source"/> can reach the globals <see cref="Install"/> adds: it names one of them, or it
    /// can reach the global object itself (<c>this</c>, <c>globalThis</c>; string compilation and <c>eval</c> are off,
    /// so no other way to name a global exists). Building <c>execution</c>'s fifteen functions was a third of the time
    /// of evaluating a plain condition such as <c>${finished == true}</c>, which needs none of them.
    /// </summary>
    public static bool MayReach(string source) =>
        source.Contains(ExecutionName, StringComparison.Ordinal) || source.Contains(IsEmptyName, StringComparison.Ordinal)
        || source.Contains("this", StringComparison.OrdinalIgnoreCase);

    public static void Install(Engine engine, HashSet<string> explicitlySet, ExecutionInfo? info)
    {
        engine.SetValue(ExecutionName, ExecutionObject(engine, explicitlySet, info ?? new ExecutionInfo()));
        engine.SetValue(IsEmptyName, new ClrFunction(engine, IsEmptyName, (_, args) => IsEmpty(args.Length > 0 ? args[0] : JsValue.Undefined)));
    }

    // What the script left in the global scope: inputs (perhaps changed), explicit writes, and names assigned without a
    // declaration (configurable globals; `var` declarations make non-configurable ones and stay local).
    public static Dictionary<string, object?> ReadGlobals(
        Engine engine, HashSet<string> builtIns, IReadOnlyDictionary<string, object?> variables, HashSet<string> explicitlySet)
    {
        var globals = new Dictionary<string, object?>(StringComparer.Ordinal);
        var budget = JsValueConverter.MaxValues;
        foreach (var key in engine.Global.GetOwnPropertyKeys())
        {
            var name = key.ToString();
            if (builtIns.Contains(name) || name is ExecutionName or IsEmptyName)
            {
                continue;
            }

            var descriptor = engine.Global.GetOwnProperty(key);
            var value = engine.Global.Get(key);
            var wanted = variables.ContainsKey(name) || explicitlySet.Contains(name) || descriptor.Configurable;
            if (wanted && value is not Jint.Native.Function.Function)
            {
                globals[name] = JsValueConverter.ToClr(value, ref budget);
            }
        }

        return globals;
    }

    private static JsObject ExecutionObject(Engine engine, HashSet<string> explicitlySet, ExecutionInfo info)
    {
        var execution = new JsObject(engine);
        foreach (var (name, value) in new[]
                 {
                     ("processInstanceId", info.ProcessInstanceId), ("processBusinessKey", info.BusinessKey),
                     ("businessKey", info.BusinessKey), ("currentActivityId", info.ActivityId),
                     ("processDefinitionKey", info.ProcessDefinitionKey),
                 })
        {
            var js = value is null ? JsValue.Null : new JsString(value);
            execution.Set(name, js);
            var getter = "get" + char.ToUpperInvariant(name[0]) + name[1..];
            execution.Set(getter, new ClrFunction(engine, getter, (_, _) => js));
        }

        execution.Set("getVariable", new ClrFunction(engine, "getVariable", (_, args) =>
        {
            var name = NameArgument(args, "getVariable");
            return engine.Global.HasProperty(name) ? engine.Global.Get(name) : JsValue.Null;
        }));
        execution.Set("hasVariable", new ClrFunction(engine, "hasVariable", (_, args) =>
            engine.Global.HasProperty(NameArgument(args, "hasVariable")) ? JsBoolean.True : JsBoolean.False));
        execution.Set("setVariable", new ClrFunction(engine, "setVariable", (_, args) =>
        {
            var name = NameArgument(args, "setVariable");
            engine.SetValue(name, args.Length > 1 ? args[1] : JsValue.Null);
            explicitlySet.Add(name);
            return JsValue.Undefined;
        }));
        return execution;
    }

    private static string NameArgument(JsValue[] args, string method) =>
        args.Length > 0 && args[0] is JsString name ? name.ToString()
        : throw new JavaScriptException($"execution.{method} needs a variable name");

    private static JsValue IsEmpty(JsValue value) => value switch
    {
        JsNull or JsUndefined => JsBoolean.True,
        JsString s => s.Length == 0 ? JsBoolean.True : JsBoolean.False,
        JsArray a => a.Length == 0 ? JsBoolean.True : JsBoolean.False,
        Jint.Native.Object.ObjectInstance o when o is not Jint.Native.Function.Function => o.GetOwnPropertyKeys().Any() ? JsBoolean.False : JsBoolean.True,
        _ => JsBoolean.False,
    };
}
