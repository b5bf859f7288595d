using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Calculus;

/// <summary>
/// Which variables depend on which parameters (activity analysis), so tangents that are always zero
/// are never computed. Flow-insensitive: a variable is active for a parameter if any assignment
/// anywhere gives it a value that depends on that parameter. That is a safe over-approximation.
/// </summary>
internal sealed class Activity
{
    private readonly string[] _parameters;
    private readonly Dictionary<string, HashSet<int>> _active = [];
    private readonly Dictionary<string, ValueKind> _kinds = [];
    private readonly HashSet<string> _assigned = [];

    private Activity(string[] parameters) => _parameters = parameters;

    public static Activity Analyse(MethodSpec method, string[] parameters)
    {
        var activity = new Activity(parameters);
        foreach (var parameter in method.Parameters)
        {
            activity._kinds[parameter.Name] = parameter.Kind;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            activity._active[parameters[i]] = [i];
        }

        var assignments = new List<(string Name, Expr Value)>();
        foreach (var statement in Nesting.All(method.Body))
        {
            Collect(statement, assignments, activity);
        }

        bool changed;
        do
        {
            changed = false;
            foreach (var (name, value) in assignments)
            {
                if (activity.KindOf(name) != ValueKind.Double)
                {
                    continue;
                }

                foreach (var p in activity.ParametersOf(value))
                {
                    changed |= activity.Set(name).Add(p);
                }
            }
        }
        while (changed);
        return activity;
    }

    public ValueKind KindOf(string name) => _kinds.TryGetValue(name, out var kind) ? kind : ValueKind.Double;

    public bool IsAssigned(string name) => _assigned.Contains(name);

    public bool IsActive(string name, int parameter) => _active.TryGetValue(name, out var set) && set.Contains(parameter);

    public bool IsActive(Expr expr) => ParametersOf(expr).Any();

    private HashSet<int> Set(string name) => _active.TryGetValue(name, out var set) ? set : _active[name] = [];

    /// <summary>The parameters an expression's value can depend on differentiably.</summary>
    private IEnumerable<int> ParametersOf(Expr expr) => expr switch
    {
        Variable { Kind: ValueKind.Double } v => _active.TryGetValue(v.Name, out var set) ? set : Enumerable.Empty<int>(),
        Unary { Kind: ValueKind.Double } u => ParametersOf(u.Operand),
        Binary { Kind: ValueKind.Double } b => ParametersOf(b.Left).Concat(ParametersOf(b.Right)),
        Conditional { Kind: ValueKind.Double } c => ParametersOf(c.WhenTrue).Concat(ParametersOf(c.WhenFalse)),
        MathCall { Kind: ValueKind.Double } m when !Catalog.Of(m).IsPiecewiseConstant => m.Arguments.SelectMany(ParametersOf),
        UserCall { Kind: ValueKind.Double } call => call.Arguments.Where((_, i) => call.Differentiated[i]).SelectMany(ParametersOf),
        _ => Enumerable.Empty<int>(),
    };

    /// <summary>What one statement declares and assigns (the statements inside it are collected on their own).</summary>
    private static void Collect(Stmt statement, List<(string, Expr)> assignments, Activity activity)
    {
        switch (statement)
        {
            case Declare declare:
                activity._kinds[declare.Name] = declare.Kind;
                if (declare.Value is not null)
                {
                    assignments.Add((declare.Name, declare.Value));
                }

                break;
            case Assign assign:
                activity._assigned.Add(assign.Name);
                assignments.Add((assign.Name, assign.Value));
                break;
            case CallWithGradient call:
                // The value and each partial depend on what the call's differentiated arguments depend on.
                foreach (var name in call.Partials.Select(p => p.Name).OfType<string>().Prepend(call.Value))
                {
                    activity._kinds[name] = ValueKind.Double;
                    assignments.Add((name, call.Call));
                }

                break;
        }
    }
}
