using System.Linq;

namespace DeZero.Generators.Model;

/// <summary>
/// Whether a method can also run on SIMD lanes: a straight-line body (no branch, loop or call) of double
/// arithmetic and the catalog's functions that have a <c>Vector256</c> lane, ending in one return. The
/// derivative rules of these use nothing else, so the value-and-gradient program qualifies too.
/// </summary>
internal static class Lanes
{
    public static bool CanRun(EquatableArray<ParameterSpec> parameters, Block body) =>
        parameters.All(p => p.IsDifferentiated)
        && body.Statements.Count > 0
        && body.Statements.Take(body.Statements.Count - 1).All(IsStraightLine)
        && body.Statements[body.Statements.Count - 1] is Return { Value: var value }
        && CanRun(value);

    private static bool IsStraightLine(Stmt statement) => statement switch
    {
        Declare { Kind: ValueKind.Double, Value: { } value } => CanRun(value),
        Assign assign => CanRun(assign.Value),
        _ => false,
    };

    private static bool CanRun(Expr expr) => expr switch
    {
        Constant { Kind: ValueKind.Double } => true,
        Variable { Kind: ValueKind.Double } => true,
        Unary { Op: UnaryOp.Negate, Kind: ValueKind.Double } u => CanRun(u.Operand),
        Binary { Op: BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide, Kind: ValueKind.Double } b =>
            CanRun(b.Left) && CanRun(b.Right),
        MathCall { Kind: ValueKind.Double } m => Catalog.Of(m).Lane is not null && m.Arguments.All(CanRun),
        _ => false,
    };
}
