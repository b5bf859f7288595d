using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Calculus;

/// <summary>
/// The backward of a straight-line method's node as a graph (<see cref="GraphSpec"/>): the value-and-gradient program
/// read again with every double that depends on the inputs as a variable, so that each operation is a node of the
/// graph and the gradient can be differentiated again, to any order, as DeZero's own functions are. Conditions in the
/// rules (Abs's sign, a tie in Max) become masks computed from the data, choosing between differentiable branches;
/// functions whose derivative is zero wherever it exists (Floor, Round, Sign) are computed per element, off the graph.
/// </summary>
/// <remarks>
/// Only straight-line bodies qualify: declarations and assignments, ending in the one return. A body with branches,
/// loops or calls, an int or bool computed from the inputs, or a function with no counterpart among the built-in
/// functions gets no graph: its node reaches the second order through its second derivatives instead.
/// </remarks>
internal static class GraphBackward
{
    public static GraphSpec? Build(MethodSpec method, Block gradient)
    {
        var statements = gradient.Statements;
        if (statements.Count == 0 || statements[statements.Count - 1] is not ReturnTuple result
            || !statements.Take(statements.Count - 1).All(s => s is Declare or Assign))
        {
            return null;
        }

        var inputs = method.Parameters.Where(p => p.IsDifferentiated).Select(p => p.Name).ToArray();
        var graphed = Graphed(inputs, statements);
        var body = statements.Take(statements.Count - 1).ToList();
        var partials = result.Values.Skip(1).ToArray();
        var typing = new Typing(graphed);
        if (!body.All(typing.Printable) || !partials.All(typing.Printable))
        {
            return null;
        }

        var names = new Names(method);
        foreach (var statement in body)
        {
            names.Reserve(statement is Declare declare ? declare.Name : ((Assign)statement).Name);
        }

        var (inputsName, outputName, seed, gradientsName, element) =
            (names.Fresh("inputs"), names.Fresh("output"), names.Fresh("gy"), names.Fresh("gradients"), names.Fresh("element"));
        body = ReuseOutput(body, result.Values[0], outputName, graphed, inputs);
        body = Live(body, partials);
        return new GraphSpec(
            new Block(body.ToEquatableArray()),
            partials.ToEquatableArray(),
            graphed.OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray(),
            inputsName,
            outputName,
            seed,
            gradientsName,
            element);
    }

    /// <summary>The names that hold variables: the inputs, and every double assigned a value that reads one.</summary>
    private static HashSet<string> Graphed(string[] inputs, EquatableArray<Stmt> statements)
    {
        var graphed = new HashSet<string>(inputs);
        bool changed;
        do
        {
            changed = false;
            foreach (var statement in statements)
            {
                if (statement is Declare { Kind: ValueKind.Double, Value: { } value } declare && Reads(value, graphed))
                {
                    changed |= graphed.Add(declare.Name);
                }
                else if (statement is Assign assign && Reads(assign.Value, graphed) && assign.Value.Kind == ValueKind.Double)
                {
                    changed |= graphed.Add(assign.Name);
                }
            }
        }
        while (changed);
        return graphed;
    }

    /// <summary>Whether an expression reads any of <paramref name="names"/>.</summary>
    internal static bool Reads(Expr expr, ICollection<string> names)
    {
        var found = false;
        Rewriter.Map(expr, e =>
        {
            found |= e is Model.Variable v && names.Contains(v.Name);
            return e;
        });
        return found;
    }

    /// <summary>
    /// Where a partial reads the method's value (Exp's is the value itself), the node's output is that value: its
    /// declaration becomes the output, and the graph does not compute it again (as DeZero's exp reads its output).
    /// </summary>
    private static List<Stmt> ReuseOutput(List<Stmt> body, Expr value, string output, HashSet<string> graphed, string[] inputs)
    {
        if (value is not Model.Variable { Name: var name } || !graphed.Contains(name) || inputs.Contains(name)
            || body.Count(s => s is Declare d && d.Name == name) != 1 || body.Any(s => s is Assign a && a.Name == name))
        {
            return body;
        }

        graphed.Add(output);
        return body.Select(s => s is Declare d && d.Name == name ? d with { Value = new Model.Variable(output, ValueKind.Double) } : s).ToList();
    }

    /// <summary>The statements the partials need, found backwards; a declaration whose name a kept assignment sets stays, without its value.</summary>
    private static List<Stmt> Live(List<Stmt> body, Expr[] partials)
    {
        var live = new HashSet<string>();
        foreach (var partial in partials)
        {
            Collect(partial, live);
        }

        var kept = new bool[body.Count];
        var assigned = new HashSet<string>();
        for (var i = body.Count - 1; i >= 0; i--)
        {
            var (name, value) = body[i] switch
            {
                Declare d => (d.Name, d.Value),
                Assign a => (a.Name, (Expr?)a.Value),
                _ => throw new System.InvalidOperationException("Straight-line bodies hold declarations and assignments"),
            };
            if (!live.Remove(name))
            {
                continue;
            }

            kept[i] = true;
            if (value is not null)
            {
                Collect(value, live);
            }

            if (body[i] is Assign)
            {
                assigned.Add(name);
            }
        }

        var result = new List<Stmt>();
        for (var i = 0; i < body.Count; i++)
        {
            if (kept[i])
            {
                result.Add(body[i]);
            }
            else if (body[i] is Declare declare && assigned.Contains(declare.Name))
            {
                result.Add(declare with { Value = null });
            }
        }

        return result;
    }

    private static void Collect(Expr expr, HashSet<string> names) =>
        Rewriter.Map(expr, e =>
        {
            if (e is Model.Variable v)
            {
                names.Add(v.Name);
            }

            return e;
        });

    /// <summary>Which expressions can be written over variables: the rules of <see cref="Build"/>.</summary>
    private sealed class Typing(HashSet<string> graphed)
    {
        public bool Printable(Stmt statement) => statement switch
        {
            Declare { Value: null } => true,
            Declare { Kind: ValueKind.Double, Value: { } value } => Printable(value),
            Declare { Value: { } value } => !Reads(value, graphed) && Printable(value),
            Assign assign when graphed.Contains(assign.Name) || assign.Value.Kind == ValueKind.Double => Printable(assign.Value),
            Assign assign => !Reads(assign.Value, graphed) && Printable(assign.Value),
            _ => false,
        };

        public bool Printable(Expr expr)
        {
            if (!Reads(expr, graphed))
            {
                // A plain number, int or bool: printed as C# as it is (no call into a method of arrays can be one).
                return expr is not (ElementRead or Length or Slice or NewArray);
            }

            return expr switch
            {
                Model.Variable => true,
                Unary { Op: UnaryOp.Negate or UnaryOp.Not } u => Printable(u.Operand),
                Binary { Op: BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide, Kind: ValueKind.Double } b =>
                    Printable(b.Left) && Printable(b.Right),
                Binary { Kind: ValueKind.Bool, Op: BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual } b =>
                    b.Left.Kind == ValueKind.Double && b.Right.Kind == ValueKind.Double && Printable(b.Left) && Printable(b.Right),
                Binary { Kind: ValueKind.Bool, Op: BinaryOp.ConditionalAnd or BinaryOp.ConditionalOr } b => Printable(b.Left) && Printable(b.Right),
                Conditional { Kind: ValueKind.Double } c => Printable(c.Condition) && Printable(c.WhenTrue) && Printable(c.WhenFalse),
                MathCall { Kind: ValueKind.Double } call when Catalog.Of(call).IsPiecewiseConstant => OffGraph(call),
                MathCall { Kind: ValueKind.Double } call => GraphFunctions.Of(call) is not null
                    && call.Arguments.Select((a, i) => Printable(a) && !(GraphFunctions.Number(call, i).MustBeNumber && Reads(a, graphed))).All(ok => ok),
                Convert { Kind: ValueKind.Double, Operand: MathCall { Kind: ValueKind.Int } call } => Catalog.Of(call).IsPiecewiseConstant && OffGraph(call),
                _ => false,
            };
        }

        /// <summary>A function computed per element off the graph: only its first argument may depend on the inputs.</summary>
        private bool OffGraph(MathCall call) =>
            call.Arguments[0].Kind == ValueKind.Double && Printable(call.Arguments[0]) && call.Arguments.Skip(1).All(a => !Reads(a, graphed));
    }
}
