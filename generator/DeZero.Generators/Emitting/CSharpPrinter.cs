using System;
using System.Globalization;
using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Emitting;

/// <summary>
/// Prints model expressions and statements as C#. Parentheses follow C# precedence, and the right
/// operand of an operator of equal precedence keeps its parentheses, so the evaluation order (and
/// with it every rounding) is exactly the user's.
/// </summary>
internal sealed class CSharpPrinter
{
    /// <summary>For generated code: every name fully qualified.</summary>
    public static readonly CSharpPrinter Code = new("global::System.Math.", null);

    /// <summary>For documentation: formulas as a person writes them.</summary>
    public static readonly CSharpPrinter Formula = new("Math.", null);

    /// <summary>For SIMD kernels: every double is a <c>Vector256&lt;double&gt;</c> of lanes.</summary>
    public static readonly CSharpPrinter Lanes = new(Vector256 + ".", Vector256 + "<double>");

    public const string Vector256 = "global::System.Runtime.Intrinsics.Vector256";

    private readonly string _math;
    private readonly string? _laneType;
    private readonly TapeCursor? _cursor;

    private CSharpPrinter(string math, string? laneType, TapeCursor? cursor = null)
    {
        _math = math;
        _laneType = laneType;
        _cursor = cursor;
    }

    /// <summary>For reverse-mode sweeps: generated code whose tape pushes and pops go through the sweep's local stacks.</summary>
    public static CSharpPrinter Sweep(TapeCursor cursor) => new("global::System.Math.", null, cursor);

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "double.PositiveInfinity",
        double.NegativeInfinity => "double.NegativeInfinity",
        _ when double.IsNaN(value) => "double.NaN",
        _ => WithPoint(value.ToString("R", CultureInfo.InvariantCulture)),
    };

    private static string WithPoint(string text) =>
        text.IndexOfAny(['.', 'E', 'e']) >= 0 ? text : text + ".0";

    public string Print(Expr expr) => Print(expr, 0);

    /// <summary>True for negative numbers and -0.0, whose text starts with a minus sign.</summary>
    private static bool IsNegative(double value) => BitConverter.DoubleToInt64Bits(value) < 0 && !double.IsNaN(value);

    private string Print(Expr expr, int context)
    {
        var (text, precedence) = expr switch
        {
            Constant { Kind: ValueKind.Bool } c => (c.Value != 0 ? "true" : "false", Primary),
            Constant { Kind: ValueKind.Int } c => (((long)c.Value).ToString(CultureInfo.InvariantCulture), c.Value < 0 ? UnaryPrecedence : Primary),
            Constant c when _laneType is not null => ($"{_math}Create({Number(c.Value)})", Primary),
            Constant c => (Number(c.Value), IsNegative(c.Value) ? UnaryPrecedence : Primary),
            Variable v => (Identifier(v.Name), Primary),
            FieldReference f => (Member(f.Field), Primary),
            EnumConstant e => ($"({e.QualifiedType}){e.Value.ToString(CultureInfo.InvariantCulture)}", UnaryPrecedence),
            Unary u => (UnaryText(u), UnaryPrecedence),
            Model.Convert c => ($"({Keyword(c.Kind)}){Print(c.Operand, UnaryPrecedence + 1)}", UnaryPrecedence),
            Binary b => BinaryText(b),
            Conditional c => ($"{Print(c.Condition, ConditionalPrecedence + 1)} ? {Print(c.WhenTrue, ConditionalPrecedence + 1)} : {Print(c.WhenFalse, ConditionalPrecedence)}", ConditionalPrecedence),
            MathCall m => ($"{MathType(m)}{(_laneType is null ? m.Name : Catalog.Of(m).Lane)}({Arguments(m.Arguments)})", Primary),
            UserCall call => ($"{Member(call.Function)}({Arguments(call.Arguments)})", Primary),
            ElementRead read => ($"{Print(read.Sequence, Primary)}[{Print(read.Index, 0)}]", Primary),
            Length length => ($"{Print(length.Sequence, Primary)}.Length", Primary),
            Slice { OfArray: true } slice => ($"global::System.MemoryExtensions.AsSpan({Print(slice.Sequence, 0)}, {Print(slice.Start, 0)}, {Print(slice.Count, 0)})", Primary),
            Slice slice => ($"{Print(slice.Sequence, Primary)}.Slice({Print(slice.Start, 0)}, {Print(slice.Count, 0)})", Primary),
            TapePop { Kind: ValueKind.Double } pop when _cursor is { } c => ($"{Identifier(c.Doubles)}[--{Identifier(c.DoubleCount)}]", Primary),
            TapePop { Kind: ValueKind.Int } pop when _cursor is { } c => ($"{Identifier(c.Ints)}[--{Identifier(c.IntCount)}]", Primary),
            TapePop { Kind: ValueKind.Bool } pop when _cursor is { } c => ($"{Identifier(c.Ints)}[--{Identifier(c.IntCount)}] != 0", 7),
            TapePop pop => ($"{Identifier(pop.Tape)}.{PopMethod(pop.Kind)}()", Primary),
            TapeArray array => ($"{Identifier(array.Tape)}.{(array.Kind == ValueKind.IntArray ? "Ints" : "Doubles")}({Print(array.Count, 0)})", Primary),
            SweepForwardCall forward => ($"{Sweep(forward.Call, GeneratedNames.SweepForward)}({Arguments(forward.Call.Arguments)}, {Identifier(forward.Tape)})", Primary),
            _ => throw new InvalidOperationException($"Cannot print {expr.GetType().Name}"),
        };
        return precedence < context ? "(" + text + ")" : text;
    }

    /// <summary>Where a function is called from: <c>Math</c>, or <c>double</c> for the members only <c>double</c> has.</summary>
    private string MathType(MathCall call) => _laneType is null && Catalog.Of(call).OnDouble ? "double." : _math;

    /// <summary>Carried C#: its text, with the holes printed where they stand.</summary>
    private string Print(Verbatim code)
    {
        var text = new System.Text.StringBuilder(code.Text[0]);
        for (var i = 0; i < code.Holes.Count; i++)
        {
            text.Append(Print(code.Holes[i], 0)).Append(code.Text[i + 1]);
        }

        return text.ToString();
    }

    public string Arguments(EquatableArray<Expr> arguments) => string.Join(", ", arguments.Select(a => Print(a, 0)));

    private static string PopMethod(ValueKind kind) => kind switch
    {
        ValueKind.Double => "PopDouble",
        ValueKind.Int => "PopInt",
        ValueKind.Bool => "PopBool",
        ValueKind.DoubleArray => "PopDoubles",
        _ => "PopInts",
    };

    /// <summary>A sweep of an array method: a static member of its node, <c>global::Ns.Ops.GFunction.SweepForward</c>.</summary>
    private static string Sweep(UserCall call, string sweep) =>
        $"{call.Function.Type}.{Identifier(GeneratedNames.Node(call.Function.Name))}.{sweep}";

    /// <summary>A namespace's dotted bare names as C# spells them.</summary>
    public static string Namespace(string dotted) => string.Join(".", dotted.Split('.').Select(Identifier));

    /// <summary>A containing type with its type parameters: <c>Outer&lt;T&gt;</c>.</summary>
    public static string TypeName(TypeSpec type) =>
        Identifier(type.Name) + (type.TypeParameters.Count == 0 ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(Identifier)) + ">");

    /// <summary>The type declaring the method, fully qualified: <c>global::Samples.Ops</c>.</summary>
    public static string QualifiedType(MethodSpec method) =>
        "global::" + string.Join(".", (method.Namespace is null ? [] : new[] { Namespace(method.Namespace) }).Concat(method.ContainingTypes.Select(TypeName)));

    /// <summary>A static member, its type fully qualified.</summary>
    public static string Member(MemberRef member) =>
        member.Type.Length == 0 ? Identifier(member.Name) : member.Type + "." + Identifier(member.Name); // a local function: its bare name

    /// <summary>A parameter list as declared, with default values: <c>double x, int n = 3</c>.</summary>
    public static string Parameters(EquatableArray<ParameterSpec> parameters) =>
        string.Join(", ", parameters.Select(p => $"{Keyword(p.Kind)} {Identifier(p.Name)}{DefaultValue(p)}"));

    /// <summary><c> = value</c> for a parameter with a default value, else nothing.</summary>
    public static string DefaultValue(ParameterSpec parameter) =>
        parameter.Default is { } value ? " = " + Code.Print(value) : string.Empty;

    /// <summary>The tuple of a value and its partials: <c>(double Value, double DX, …)</c>, one element per differentiated parameter.</summary>
    public static string GradientTuple(System.Collections.Generic.IEnumerable<ParameterSpec> parameters) =>
        "(" + string.Join(", ", new[] { "double Value" }.Concat(parameters.Where(p => p.IsDifferentiated).Select(p => "double " + p.PartialName))) + ")";

    /// <summary>The value, each partial, then the Hessian's upper triangle: <c>(double, double, …)</c>, one per entry.</summary>
    public static string HessianTuple(System.Collections.Generic.IEnumerable<ParameterSpec> parameters)
    {
        var n = parameters.Count(p => p.IsDifferentiated);
        return "(" + string.Join(", ", Enumerable.Repeat("double", 1 + n + (n * (n + 1) / 2))) + ")";
    }

    /// <summary>A bare name as C# must spell it: a keyword gets its <c>@</c>.</summary>
    public static string Identifier(string name) => Keywords.Contains(name) ? "@" + name : name;

    /// <summary>C#'s reserved keywords, which an identifier may take only with <c>@</c>; contextual keywords need none.</summary>
    public static readonly System.Collections.Generic.HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while", "__arglist", "__makeref", "__reftype", "__refvalue",
    ];

    private string UnaryText(Unary unary)
    {
        var op = unary.Op switch { UnaryOp.Negate => "-", UnaryOp.Not => "!", _ => "~" };
        // "- -x" must not become "--x"; a nested unary or negative constant gets parentheses.
        var operand = unary.Operand is Unary || (unary.Operand is Constant c && IsNegative(c.Value))
            ? "(" + Print(unary.Operand, 0) + ")"
            : Print(unary.Operand, UnaryPrecedence);
        return op + operand;
    }

    private (string Text, int Precedence) BinaryText(Binary binary)
    {
        var (op, precedence) = Operator(binary.Op);
        return ($"{Print(binary.Left, precedence)} {op} {Print(binary.Right, precedence + 1)}", precedence);
    }

    private static (string Operator, int Precedence) Operator(BinaryOp op)
    {
        return op switch
        {
            BinaryOp.Multiply => ("*", 11),
            BinaryOp.Divide => ("/", 11),
            BinaryOp.Remainder => ("%", 11),
            BinaryOp.Add => ("+", 10),
            BinaryOp.Subtract => ("-", 10),
            BinaryOp.LeftShift => ("<<", 9),
            BinaryOp.RightShift => (">>", 9),
            BinaryOp.Less => ("<", 8),
            BinaryOp.LessOrEqual => ("<=", 8),
            BinaryOp.Greater => (">", 8),
            BinaryOp.GreaterOrEqual => (">=", 8),
            BinaryOp.Equal => ("==", 7),
            BinaryOp.NotEqual => ("!=", 7),
            BinaryOp.And => ("&", 6),
            BinaryOp.ExclusiveOr => ("^", 5),
            BinaryOp.Or => ("|", 4),
            BinaryOp.ConditionalAnd => ("&&", 3),
            _ => ("||", 2),
        };
    }

    public static string Keyword(ValueKind kind) => kind switch
    {
        ValueKind.Double => "double",
        ValueKind.Int => "int",
        ValueKind.Bool => "bool",
        ValueKind.DoubleArray => "double[]",
        _ => "int[]",
    };

    private const int ConditionalPrecedence = 1;
    private const int UnaryPrecedence = 12;
    private const int Primary = 13;

    /// <summary>Writes statements; <see cref="CallWithGradient"/> and the other derivative-only forms included.</summary>
    public void Write(SourceWriter writer, Stmt statement)
    {
        switch (statement)
        {
            case Block block:
                writer.OpenBlock("");
                WriteAll(writer, block);
                writer.CloseBlock();
                break;
            case Declare declare:
                var type = declare.Kind == ValueKind.Double && _laneType is not null ? _laneType : Keyword(declare.Kind);
                writer.WriteLine(declare.Value is null
                    ? $"{type} {Identifier(declare.Name)};"
                    : $"{type} {Identifier(declare.Name)} = {Print(declare.Value)};");
                break;
            case Assign assign:
                writer.WriteLine(Inline(assign) + ";");
                break;
            case If conditional:
                writer.OpenBlock($"if ({Print(conditional.Condition)})");
                WriteAll(writer, conditional.Then);
                writer.CloseBlock();
                if (conditional.Else is { } otherwise)
                {
                    writer.OpenBlock("else");
                    WriteAll(writer, otherwise);
                    writer.CloseBlock();
                }

                break;
            case Loop { ConditionAtBottom: true, Next.Statements.Count: > 0 }:
                throw new InvalidOperationException("A do loop's incrementors belong at the end of its body");
            case Loop { ConditionAtBottom: true } loop:
                writer.OpenBlock("do");
                WriteAll(writer, loop.Body);
                writer.CloseBlock($" while ({Print(loop.Condition ?? new Constant(1, ValueKind.Bool))});");
                break;
            case Loop loop when loop.Before.Statements.Count == 0 && loop.Next.Statements.Count == 0:
                writer.OpenBlock($"while ({Print(loop.Condition ?? new Constant(1, ValueKind.Bool))})");
                WriteAll(writer, loop.Body);
                writer.CloseBlock();
                break;
            case Loop loop:
                writer.OpenBlock($"for ({ForInitializer(loop.Before)}; {(loop.Condition is null ? string.Empty : Print(loop.Condition))}; {string.Join(", ", loop.Next.Statements.Select(Inline))})");
                WriteAll(writer, loop.Body);
                writer.CloseBlock();
                break;
            case Break:
                writer.WriteLine("break;");
                break;
            case Continue:
                writer.WriteLine("continue;");
                break;
            case Goto jump:
                writer.WriteLine($"goto {jump.Name};");
                break;
            case Label label:
                writer.Unindent();
                writer.WriteLine($"{label.Name}: ;");
                writer.Indent();
                break;
            case Return ret:
                writer.WriteLine($"return {Print(ret.Value)};");
                break;
            case ReturnTuple tuple:
                writer.WriteLine($"return ({Arguments(tuple.Values)});");
                break;
            case LocalFunction local:
                WriteLocalFunction(writer, Keyword(local.Returns), local.Name, local.Parameters, local.Body);
                break;
            case LocalGradient local:
                WriteLocalFunction(writer, local.Order == 1 ? GradientTuple(local.Parameters) : HessianTuple(local.Parameters), local.Name, local.Parameters, local.Body);
                break;
            case Throw thrown:
                writer.WriteLine($"throw {Print(thrown.Exception)};");
                break;
            case VoidCall call:
                writer.WriteLine(Print(call.Call) + ";");
                break;
            case CallWithGradient call:
                var targets = string.Join(", ", new[] { call.Value }.Concat(call.Partials.Select(p => p.Name ?? "_")).Select(Identifier));
                var gradient = call.Call.Gradient ?? throw new InvalidOperationException($"{call.Call.Function.Name} has no gradient");
                writer.WriteLine($"{(call.Declares ? "var " : string.Empty)}({targets}) = {Member(gradient)}({Arguments(call.Call.Arguments)});");
                break;
            case ElementAssign element:
                writer.WriteLine(Inline(element) + ";");
                break;
            case TapePush { Value.Kind: ValueKind.Double or ValueKind.Int or ValueKind.Bool } push when _cursor is { } cursor:
                {
                    // The growth check and the store; a bool goes on the int stack as 0 or 1.
                    var (stack, count, grow) = push.Value.Kind == ValueKind.Double
                        ? (Identifier(cursor.Doubles), Identifier(cursor.DoubleCount), "GrowDoubles")
                        : (Identifier(cursor.Ints), Identifier(cursor.IntCount), "GrowInts");
                    var value = push.Value switch
                    {
                        Constant { Kind: ValueKind.Bool } flag => flag.Value != 0 ? "1" : "0",
                        { Kind: ValueKind.Bool } condition => $"{Print(condition, ConditionalPrecedence + 1)} ? 1 : 0",
                        _ => Print(push.Value),
                    };
                    if (!push.Reserved)
                    {
                        writer.WriteLine($"if ({count} == {stack}.Length) {stack} = {Identifier(push.Tape)}.{grow}({count});");
                    }

                    writer.WriteLine($"{stack}[{count}++] = {value};");
                    break;
                }

            case TapeReserve reserve when _cursor is { } cursor:
                {
                    // One check before a loop instead of one per push: the loop then calls nothing, so the JIT keeps its
                    // doubles in registers (a call, even one never taken, spills every xmm register it crosses).
                    foreach (var (needed, stack, count, method) in new[]
                    {
                        (reserve.Doubles, Identifier(cursor.Doubles), Identifier(cursor.DoubleCount), "ReserveDoubles"),
                        (reserve.Ints, Identifier(cursor.Ints), Identifier(cursor.IntCount), "ReserveInts"),
                    })
                    {
                        if (needed is not null)
                        {
                            var amount = Print(needed);
                            writer.WriteLine($"if ({count} + {Print(needed, 11)} > {stack}.Length) {stack} = {Identifier(reserve.Tape)}.{method}({count}, {amount});");
                        }
                    }

                    break;
                }

            case TapeReserve:
                break;

            case TapePush push:
                writer.WriteLine($"{Identifier(push.Tape)}.Push({Print(push.Value)});");
                break;
            case TapeSync { Load: true } sync:
                {
                    var (tape, c, declare) = (Identifier(sync.Tape), sync.Cursor, sync.Declares);
                    writer.WriteLine($"{(declare ? "double[] " : string.Empty)}{Identifier(c.Doubles)} = {tape}.DoubleStack;");
                    writer.WriteLine($"{(declare ? "int " : string.Empty)}{Identifier(c.DoubleCount)} = {tape}.DoubleCount;");
                    writer.WriteLine($"{(declare ? "int[] " : string.Empty)}{Identifier(c.Ints)} = {tape}.IntStack;");
                    writer.WriteLine($"{(declare ? "int " : string.Empty)}{Identifier(c.IntCount)} = {tape}.IntCount;");
                    break;
                }

            case TapeSync sync:
                writer.WriteLine($"{Identifier(sync.Tape)}.Keep({Identifier(sync.Cursor.Doubles)}, {Identifier(sync.Cursor.DoubleCount)}, {Identifier(sync.Cursor.Ints)}, {Identifier(sync.Cursor.IntCount)});");
                break;
            case SweepReverseCall call:
                {
                    var adjoints = call.Adjoints.Select(a => a.Kind == ValueKind.Double ? "ref " + Print(a) : Print(a));
                    var arguments = call.Call.Arguments.Select(a => Print(a)).Append(Identifier(call.Tape)).Append(Print(call.Seed)).Concat(adjoints);
                    writer.WriteLine($"{Sweep(call.Call, GeneratedNames.SweepReverse)}({string.Join(", ", arguments)});");
                    break;
                }
            default:
                throw new InvalidOperationException($"Cannot print {statement.GetType().Name}");
        }
    }

    /// <summary><c>static T Name(parameters) { body }</c>: a static local function, which captures nothing.</summary>
    private void WriteLocalFunction(SourceWriter writer, string returns, string name, EquatableArray<ParameterSpec> parameters, Block body)
    {
        writer.OpenBlock($"static {returns} {Identifier(name)}({Parameters(parameters)})");
        WriteAll(writer, body);
        writer.CloseBlock();
    }

    public void WriteAll(SourceWriter writer, Block block)
    {
        foreach (var statement in block.Statements)
        {
            Write(writer, statement);
        }
    }

    private string ForInitializer(Block before) => before.Statements.Count switch
    {
        0 => string.Empty,
        1 when before.Statements[0] is Declare declare => $"{Keyword(declare.Kind)} {Identifier(declare.Name)} = {Print(declare.Value!)}",
        _ => string.Join(", ", before.Statements.Select(Inline)),
    };

    private string Inline(Stmt statement) => statement is Assign assign
        ? Inline(assign)
        : throw new InvalidOperationException("Only assignments fit in a for header");

    private string Inline(Assign assign) =>
        Inline(Identifier(assign.Name), new Variable(assign.Name, assign.Value.Kind), assign.Value, assign.Form);

    private string Inline(ElementAssign element) =>
        Inline(
            $"{Identifier(element.Sequence)}[{Print(element.Index, 0)}]",
            new ElementRead(new Variable(element.Sequence, element.Value.Kind == ValueKind.Int ? ValueKind.IntArray : ValueKind.DoubleArray), element.Index, element.Value.Kind),
            element.Value,
            element.Form);

    /// <summary>An assignment as it was written (<c>x++</c>, <c>x += e</c>) where its value still has that shape, else <c>x = e</c>.</summary>
    private string Inline(string name, Expr target, Expr value, AssignmentForm form)
    {
        switch (form, value)
        {
            case (AssignmentForm.Step, Binary { Op: BinaryOp.Add or BinaryOp.Subtract, Right: Constant { Value: 1 } } step) when step.Left.Equals(target):
                return name + (step.Op == BinaryOp.Add ? "++" : "--");
            case (AssignmentForm.Compound or AssignmentForm.Step, Binary { Op: <= BinaryOp.Remainder or >= BinaryOp.And } operation) when operation.Left.Equals(target):
                return $"{name} {Operator(operation.Op).Operator}= {Print(operation.Right, 0)}";
            default:
                return $"{name} = {Print(value)}";
        }
    }
}
