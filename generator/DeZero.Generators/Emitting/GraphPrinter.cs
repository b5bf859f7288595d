using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Emitting;

/// <summary>
/// Prints a node's backward as a graph (<see cref="GraphSpec"/>): every double that depends on the inputs is a
/// <c>global::DeZero.Variable</c>, its arithmetic the operators on variables and its functions <c>global::DeZero.Functions</c>;
/// conditions on the data become masks for <c>ElementwiseGraph.Where</c>; everything else is printed as plain C#.
/// Composite operands are always parenthesised, so the graph computes in the order the model says.
/// </summary>
internal sealed class GraphPrinter
{
    private const string Variable = "global::DeZero.Variable";
    private const string Functions = "global::DeZero.Functions";
    private const string Graph = "global::DeZero.CompilerServices.ElementwiseGraph";

    private readonly GraphSpec _graph;
    private readonly HashSet<string> _graphed;

    public GraphPrinter(GraphSpec graph)
    {
        _graph = graph;
        _graphed = [.. graph.Graphed];
    }

    /// <summary>The body of the kernel's <c>GradientGraph</c>: the parameters it reads, the statements, each input's gradient.</summary>
    public void WriteBody(SourceWriter writer, MethodSpec method)
    {
        var read = new HashSet<string>();
        foreach (var statement in _graph.Body.Statements)
        {
            Collect(statement, read);
        }

        foreach (var partial in _graph.Partials)
        {
            Collect(partial, read);
        }

        int input = 0, field = 0;
        foreach (var parameter in method.Parameters)
        {
            var (type, source) = parameter.IsDifferentiated
                ? (Variable, $"{CSharpPrinter.Identifier(_graph.Inputs)}[{input++}]")
                : (CSharpPrinter.Keyword(parameter.Kind), $"this.int{field++}");
            if (read.Contains(parameter.Name))
            {
                writer.WriteLine($"{type} {CSharpPrinter.Identifier(parameter.Name)} = {source};");
            }
        }

        foreach (var statement in _graph.Body.Statements)
        {
            Write(writer, statement);
        }

        var seed = CSharpPrinter.Identifier(_graph.Seed);
        for (var k = 0; k < _graph.Partials.Count; k++)
        {
            var partial = _graph.Partials[k];
            var gradient = partial switch
            {
                Constant { Kind: ValueKind.Double, Value: 1 } => seed,
                Constant { Kind: ValueKind.Double, Value: -1 } => "-" + seed,
                _ => $"{seed} * {Operand(partial)}",
            };
            writer.WriteLine($"{CSharpPrinter.Identifier(_graph.Gradients)}[{k}] = {gradient};");
        }
    }

    private void Write(SourceWriter writer, Stmt statement)
    {
        switch (statement)
        {
            case Declare { Kind: ValueKind.Double } declare when _graphed.Contains(declare.Name):
                writer.WriteLine(declare.Value is null
                    ? $"{Variable} {CSharpPrinter.Identifier(declare.Name)};"
                    : $"{Variable} {CSharpPrinter.Identifier(declare.Name)} = {AsVariable(declare.Value)};");
                break;
            case Assign assign when _graphed.Contains(assign.Name):
                writer.WriteLine($"{CSharpPrinter.Identifier(assign.Name)} = {AsVariable(assign.Value)};");
                break;
            default:
                CSharpPrinter.Code.Write(writer, statement);
                break;
        }
    }

    private bool IsGraph(Expr expr)
    {
        var found = false;
        Rewriter.Map(expr, e =>
        {
            found |= e is Model.Variable v && _graphed.Contains(v.Name);
            return e;
        });
        return found;
    }

    /// <summary>An expression as a variable: a plain number becomes a new leaf.</summary>
    private string AsVariable(Expr expr) => IsGraph(expr) ? OnGraph(expr) : $"new {Variable}({CSharpPrinter.Code.Print(expr)})";

    /// <summary>An operand of an operator on variables, which takes a variable or a double on either side; parenthesised unless atomic.</summary>
    private string Operand(Expr expr)
    {
        var text = IsGraph(expr) ? OnGraph(expr) : CSharpPrinter.Code.Print(expr);
        var atomic = expr is Model.Variable or MathCall or FieldReference
            || (expr is Constant c && System.BitConverter.DoubleToInt64Bits(c.Value) >= 0)
            || (expr is Conditional && IsGraph(expr));
        return atomic ? text : "(" + text + ")";
    }

    /// <summary>A double expression that reads the inputs, as a variable of the graph.</summary>
    private string OnGraph(Expr expr) => expr switch
    {
        Model.Variable v => CSharpPrinter.Identifier(v.Name),
        Unary { Op: UnaryOp.Negate } u => "-" + Operand(u.Operand),
        Binary b => $"{Operand(b.Left)} {Symbol(b.Op)} {Operand(b.Right)}",
        Conditional c when IsGraph(c.Condition) => $"{Graph}.Where({Mask(c.Condition)}, {AsVariable(c.WhenTrue)}, {AsVariable(c.WhenFalse)})",
        Conditional c => $"({CSharpPrinter.Code.Print(c.Condition)} ? {AsVariable(c.WhenTrue)} : {AsVariable(c.WhenFalse)})",
        Convert { Operand: MathCall call } => OffGraph(call, "(double)"),
        MathCall call when GraphFunctions.Of(call) is { } function => $"{Functions}.{function}({string.Join(", ", call.Arguments.Select((a, i) => Argument(call, a, i)))})",
        MathCall call => OffGraph(call, string.Empty),
        _ => throw new System.InvalidOperationException($"Cannot print {expr.GetType().Name} on a graph"),
    };

    /// <summary>A built-in function's argument: a variable, but a number where its overload takes a double (Pow's exponent, Clip's bounds).</summary>
    private string Argument(MathCall call, Expr argument, int index) =>
        GraphFunctions.Number(call, index).MayBeNumber && !IsGraph(argument) ? CSharpPrinter.Code.Print(argument) : AsVariable(argument);

    /// <summary>A function whose derivative is zero wherever it exists, computed per element from its first argument, off the graph.</summary>
    private string OffGraph(MathCall call, string conversion)
    {
        var element = CSharpPrinter.Identifier(_graph.Element);
        var rest = call.Arguments.Skip(1).Select(a => ", " + CSharpPrinter.Code.Print(a));
        return $"{Graph}.PiecewiseConstant({OnGraph(call.Arguments[0])}, {element} => {conversion}global::System.Math.{call.Name}({element}{string.Concat(rest)}))";
    }

    /// <summary>A condition as a mask of the data.</summary>
    private string Mask(Expr condition) => condition switch
    {
        _ when !IsGraph(condition) => $"{Graph}.Condition({CSharpPrinter.Code.Print(condition)})",
        Unary { Op: UnaryOp.Not } u => $"{Graph}.Not({Mask(u.Operand)})",
        Binary { Op: BinaryOp.ConditionalAnd } b => $"{Graph}.And({Mask(b.Left)}, {Mask(b.Right)})",
        Binary { Op: BinaryOp.ConditionalOr } b => $"{Graph}.Or({Mask(b.Left)}, {Mask(b.Right)})",
        Binary b => $"{Graph}.{Comparison(b.Op)}({Data(b.Left)}, {Data(b.Right)})",
        _ => throw new System.InvalidOperationException($"Cannot print {condition.GetType().Name} as a mask"),
    };

    /// <summary>An operand of a comparison as an array: a variable's data, or a number (which converts to a 0-d array).</summary>
    private string Data(Expr expr) => IsGraph(expr) ? Operand(expr) + ".Data" : CSharpPrinter.Code.Print(expr);

    private static string Symbol(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.Divide => "/",
        _ => throw new System.InvalidOperationException($"No operator {op} on variables"),
    };

    private static string Comparison(BinaryOp op) => op switch
    {
        BinaryOp.Equal => "Equal",
        BinaryOp.NotEqual => "NotEqual",
        BinaryOp.Less => "Less",
        BinaryOp.LessOrEqual => "LessOrEqual",
        BinaryOp.Greater => "Greater",
        _ => "GreaterOrEqual",
    };

    private static void Collect(Stmt statement, HashSet<string> names)
    {
        switch (statement)
        {
            case Declare { Value: { } value }:
                Collect(value, names);
                break;
            case Assign assign:
                names.Add(assign.Name);
                Collect(assign.Value, names);
                break;
        }
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
}
