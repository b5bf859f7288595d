using System.Linq;

namespace DeZero.Generators.Model;

/// <summary>
/// Whether a method can also run on SIMD lanes: a straight-line body (no branch, loop or call) of double
/// arithmetic and the catalog's functions that have a <c>Vector256</c> lane, ending in one return. The
/// derivative rules of these use nothing else, so the value-and-gradient program qualifies too.
/// </summary>
internal static class Lanes
{
    public static bool CanRun(EquatableArray<ParameterSpec> parameters, Block body) => Blocker(parameters, body) is null;

    /// <summary>The first part of the method that cannot run on lanes, in words for DZ0023 (<c>the call to Math.Tanh</c>), or null.</summary>
    public static string? Blocker(EquatableArray<ParameterSpec> parameters, Block body)
    {
        if (parameters.FirstOrDefault(p => !p.IsDifferentiated) is { } parameter)
        {
            return $"the parameter '{parameter.Name}', which is not differentiated";
        }

        if (body.Statements.Count == 0 || body.Statements[body.Statements.Count - 1] is not Return { Value: var value })
        {
            return "a body that does not end in its one return";
        }

        return body.Statements.Take(body.Statements.Count - 1).Select(Blocker).FirstOrDefault(b => b is not null) ?? Blocker(value);
    }

    private static string? Blocker(Stmt statement) => statement switch
    {
        Declare { Kind: ValueKind.Double, Value: { } value } => Blocker(value),
        Declare { Kind: ValueKind.Double } declare => $"the local '{declare.Name}' declared without a value",
        Declare declare => $"the {Keyword(declare.Kind)} local '{declare.Name}'",
        Assign assign => Blocker(assign.Value),
        If => "an if statement",
        Loop => "a loop",
        Return => "an early return",
        Throw => "a throw",
        VoidCall => "a call for logging",
        LocalFunction local => $"the local function '{local.Name}'",
        CallWithGradient call => $"the call to {GeneratedNames.WithGradient(call.Call.Function.Name)}",
        _ => "a statement other than declarations and assignments",
    };

    private static string? Blocker(Expr expr) => expr switch
    {
        Constant { Kind: ValueKind.Double } => null,
        Variable { Kind: ValueKind.Double } => null,
        Unary { Op: UnaryOp.Negate, Kind: ValueKind.Double } u => Blocker(u.Operand),
        Binary { Op: BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide, Kind: ValueKind.Double } b =>
            Blocker(b.Left) ?? Blocker(b.Right),
        MathCall { Kind: ValueKind.Double } m when Catalog.Of(m).Lane is null => $"{(Catalog.Of(m).OnDouble ? "double" : "Math")}.{m.Name}",
        MathCall { Kind: ValueKind.Double } m => m.Arguments.Select(Blocker).FirstOrDefault(b => b is not null),
        UserCall call => $"the call to {call.Function.Name}",
        Conditional => "a conditional expression",
        FieldReference field => $"the field '{field.Field.Name}'",
        ElementRead { Sequence: FieldReference table } => $"the table '{table.Field.Name}'",
        Convert or Variable or Constant or Binary or Unary or MathCall => "int or bool arithmetic",
        _ => "an expression other than double arithmetic",
    };

    private static string Keyword(ValueKind kind) => kind == ValueKind.Int ? "int" : kind == ValueKind.Bool ? "bool" : kind.ToString();
}
