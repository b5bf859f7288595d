using System;
using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Tests.Infrastructure;

// Inside the namespace, so it wins over DeZero.Variable of the runtime, which an enclosing namespace finds first.
using Variable = DeZero.Generators.Model.Variable;

/// <summary>
/// Runs the generator's own model (expressions and statements) directly, with no C# in between, so the
/// calculus can be tested without Roslyn: a method body and its derivative program are evaluated side by side.
/// Values are doubles; ints and bools are held as doubles and computed with C#'s int and bool semantics.
/// </summary>
internal sealed class Interpreter
{
    private readonly Func<MemberRef, double[], double[]>? _calls;

    /// <param name="calls">
    /// Evaluates a call to a user function (<see cref="UserCall"/>) or to its gradient (<see cref="CallWithGradient"/>):
    /// given the member and the argument values, the value, followed by the partials for a gradient.
    /// </param>
    public Interpreter(Func<MemberRef, double[], double[]>? calls = null) => _calls = calls;

    /// <summary>The values a body returns: one for a method body, the value and the partials for a derivative program.</summary>
    public double[] Run(Block body, IReadOnlyDictionary<string, double> arguments)
    {
        FindLocalFunctions(body);
        var variables = new Dictionary<string, double>(arguments);
        var outcome = Execute(body.Statements, variables);
        return outcome.Returned ?? throw new InvalidOperationException("The body ended without returning");
    }

    public double Evaluate(Expr expr, IReadOnlyDictionary<string, double> variables) => Value(expr, variables);

    /// <summary>Every <see cref="VoidCall"/> run, with the values of its holes, in order.</summary>
    public List<(VoidCall Call, double[] Holes)> Calls { get; } = [];

    private sealed record Outcome(double[]? Returned = null, bool Break = false, bool Continue = false, string? Goto = null)
    {
        public static readonly Outcome Normal = new();

        public bool IsNormal => Returned is null && !Break && !Continue && Goto is null;
    }

    private Outcome Execute(IReadOnlyList<Stmt> statements, Dictionary<string, double> variables)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            var outcome = Execute(statements[i], variables);
            if (outcome.Goto is { } label && IndexOfLabel(statements, label) is { } target)
            {
                i = target; // the label's own statement does nothing; carry on after it
                continue;
            }

            if (!outcome.IsNormal)
            {
                return outcome;
            }
        }

        return Outcome.Normal;
    }

    private static int? IndexOfLabel(IReadOnlyList<Stmt> statements, string label)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i] is Label l && l.Name == label)
            {
                return i;
            }
        }

        return null;
    }

    private Outcome Execute(Stmt statement, Dictionary<string, double> variables)
    {
        switch (statement)
        {
            case Declare declare:
                variables[declare.Name] = declare.Value is null ? double.NaN : Value(declare.Value, variables);
                return Outcome.Normal;
            case Assign assign:
                variables[assign.Name] = Value(assign.Value, variables);
                return Outcome.Normal;
            case Block block:
                return Execute(block.Statements, variables);
            case If conditional:
                return Value(conditional.Condition, variables) != 0
                    ? Execute(conditional.Then.Statements, variables)
                    : conditional.Else is { } otherwise ? Execute(otherwise.Statements, variables) : Outcome.Normal;
            case Loop loop:
                return Run(loop, variables);
            case Break:
                return new Outcome(Break: true);
            case Continue:
                return new Outcome(Continue: true);
            case Goto jump:
                return new Outcome(Goto: jump.Name);
            case Label:
                return Outcome.Normal;
            case Return ret:
                return new Outcome([Value(ret.Value, variables)]);
            case Throw thrown:
                throw new ThrownByModel(thrown, thrown.Exception.Holes.Select(h => Value(h, variables)).ToArray());
            case LocalFunction or LocalGradient:
                return Outcome.Normal; // Found before the run: a call may come before the declaration.
            case VoidCall call:
                Calls.Add((call, call.Call.Holes.Select(h => Value(h, variables)).ToArray()));
                return Outcome.Normal;
            case ReturnTuple tuple:
                return new Outcome(tuple.Values.Select(v => Value(v, variables)).ToArray());
            case CallWithGradient call:
                {
                    var results = Call(call.Call.Gradient ?? throw new InvalidOperationException("A call without a gradient"), call.Call.Arguments, variables);
                    variables[call.Value] = results[0];
                    for (var i = 0; i < call.Partials.Count; i++)
                    {
                        if (call.Partials[i].Name is { } name)
                        {
                            variables[name] = results[1 + i];
                        }
                    }

                    return Outcome.Normal;
                }

            default:
                throw new InvalidOperationException($"Cannot run {statement.GetType().Name}");
        }
    }

    private Outcome Run(Loop loop, Dictionary<string, double> variables)
    {
        Execute(loop.Before.Statements, variables);
        for (var iteration = 0; ; iteration++)
        {
            if (iteration > 1_000_000)
            {
                throw new InvalidOperationException("A loop ran a million times");
            }

            if (!loop.ConditionAtBottom && loop.Condition is { } top && Value(top, variables) == 0)
            {
                return Outcome.Normal;
            }

            var outcome = Execute(loop.Body.Statements, variables);
            if (outcome.Break)
            {
                return Outcome.Normal;
            }

            if (outcome.Returned is not null || outcome.Goto is not null)
            {
                return outcome;
            }

            Execute(loop.Next.Statements, variables);
            if (loop.ConditionAtBottom && loop.Condition is { } bottom && Value(bottom, variables) == 0)
            {
                return Outcome.Normal;
            }
        }
    }

    private double Value(Expr expr, IReadOnlyDictionary<string, double> variables) => expr switch
    {
        Constant c => c.Value,
        Variable v => variables.TryGetValue(v.Name, out var value) ? value : throw new InvalidOperationException($"'{v.Name}' has no value"),
        Unary { Op: UnaryOp.Negate } u => -Value(u.Operand, variables),
        Unary { Op: UnaryOp.Not } u => Value(u.Operand, variables) == 0 ? 1 : 0,
        Unary u => ~(int)Value(u.Operand, variables),
        Model.Convert { Kind: ValueKind.Int } c => (int)Value(c.Operand, variables),
        Model.Convert c => Value(c.Operand, variables),
        Conditional c => Value(c.Condition, variables) != 0 ? Value(c.WhenTrue, variables) : Value(c.WhenFalse, variables),
        Binary { Op: BinaryOp.ConditionalAnd } b => Value(b.Left, variables) != 0 && Value(b.Right, variables) != 0 ? 1 : 0,
        Binary { Op: BinaryOp.ConditionalOr } b => Value(b.Left, variables) != 0 || Value(b.Right, variables) != 0 ? 1 : 0,
        Binary b => Arithmetic(b, Value(b.Left, variables), Value(b.Right, variables)),
        MathCall m => MathMember(m.Name, m.Arguments.Select(a => Value(a, variables)).ToArray(), m.Arguments.Select(a => a.Kind).ToArray()),
        UserCall call => Call(call.Function, call.Arguments, variables)[0],
        _ => throw new InvalidOperationException($"Cannot evaluate {expr.GetType().Name}"),
    };

    private double[] Call(MemberRef member, EquatableArray<Expr> arguments, IReadOnlyDictionary<string, double> variables)
    {
        var values = arguments.Select(a => Value(a, variables)).ToArray();
        if (member.Type.Length == 0 && _localFunctions.TryGetValue(member.Name, out var local))
        {
            // A local function (or its value and gradient): its own variables, its parameters bound to the arguments.
            var own = local.Parameters.Select((p, i) => (p.Name, values[i])).ToDictionary(p => p.Name, p => p.Item2);
            return Execute(local.Body.Statements, own).Returned ?? throw new InvalidOperationException($"{member.Name} ended without returning");
        }

        return (_calls ?? throw new InvalidOperationException($"No function given for {member.Name}"))(member, values);
    }

    /// <summary>The local functions (and local value-and-gradient functions) of a body, by name, wherever they are declared.</summary>
    private readonly Dictionary<string, (EquatableArray<ParameterSpec> Parameters, Block Body)> _localFunctions = [];

    private void FindLocalFunctions(Stmt statement)
    {
        switch (statement)
        {
            case LocalFunction local:
                _localFunctions[local.Name] = (local.Parameters, local.Body);
                FindLocalFunctions(local.Body);
                break;
            case LocalGradient local:
                _localFunctions[local.Name] = (local.Parameters, local.Body);
                FindLocalFunctions(local.Body);
                break;
            case Block block:
                foreach (var inner in block.Statements)
                {
                    FindLocalFunctions(inner);
                }

                break;
            case If conditional:
                FindLocalFunctions(conditional.Then);
                if (conditional.Else is { } otherwise)
                {
                    FindLocalFunctions(otherwise);
                }

                break;
            case Loop loop:
                FindLocalFunctions(loop.Before);
                FindLocalFunctions(loop.Body);
                FindLocalFunctions(loop.Next);
                break;
        }
    }

    private static double Arithmetic(Binary b, double l, double r)
    {
        if (b.Kind == ValueKind.Int || (b.Kind == ValueKind.Bool && b.Op >= BinaryOp.And))
        {
            var (x, y) = ((int)l, (int)r);
            return b.Op switch
            {
                BinaryOp.Add => unchecked(x + y),
                BinaryOp.Subtract => unchecked(x - y),
                BinaryOp.Multiply => unchecked(x * y),
                BinaryOp.Divide => x / y,
                BinaryOp.Remainder => x % y,
                BinaryOp.And => x & y,
                BinaryOp.Or => x | y,
                BinaryOp.ExclusiveOr => x ^ y,
                BinaryOp.LeftShift => x << y,
                BinaryOp.RightShift => x >> y,
                _ => throw new InvalidOperationException($"Int {b.Op}"),
            };
        }

        return b.Op switch
        {
            BinaryOp.Add => l + r,
            BinaryOp.Subtract => l - r,
            BinaryOp.Multiply => l * r,
            BinaryOp.Divide => l / r,
            BinaryOp.Equal => l == r ? 1 : 0,
            BinaryOp.NotEqual => l != r ? 1 : 0,
            BinaryOp.Less => l < r ? 1 : 0,
            BinaryOp.LessOrEqual => l <= r ? 1 : 0,
            BinaryOp.Greater => l > r ? 1 : 0,
            BinaryOp.GreaterOrEqual => l >= r ? 1 : 0,
            _ => throw new InvalidOperationException($"Double {b.Op}"),
        };
    }

    /// <summary>Calls the <see cref="Math"/> member (or the <see cref="double"/> member) of that name whose parameter types fit the argument kinds.</summary>
    public static double MathMember(string name, double[] arguments, ValueKind[] kinds)
    {
        var types = kinds.Select(k => k == ValueKind.Int ? typeof(int) : typeof(double)).ToArray();
        var method = typeof(Math).GetMethod(name, types) ?? typeof(double).GetMethod(name, types)
            ?? throw new InvalidOperationException($"No Math.{name} or double.{name}({string.Join(", ", types.Select(t => t.Name))})");
        var result = method.Invoke(null, arguments.Select((a, i) => types[i] == typeof(int) ? (object)(int)a : a).ToArray());
        return System.Convert.ToDouble(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>What running a <see cref="Throw"/> of the model raises: the statement and the values of its holes.</summary>
internal sealed class ThrownByModel(Throw statement, double[] holes) : Exception("The model threw " + string.Concat(statement.Exception.Text))
{
    public Throw Statement { get; } = statement;

    public double[] Holes { get; } = holes;
}
