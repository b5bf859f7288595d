using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Calculus;

/// <summary>
/// Whether a method can also run on SIMD lanes: a straight-line body (no branch, loop or call) of double
/// arithmetic and the functions <c>Vector256</c> has, Exp, Log, Sqrt, Sin and Cos, ending in one return.
/// The derivative rules of these use nothing else, so the value-and-gradient program qualifies too.
/// </summary>
internal static class Vectorization
{
    public static bool CanVectorize(EquatableArray<ParameterSpec> parameters, Block body) =>
        parameters.All(p => p.IsDifferentiated)
        && body.Statements.Count > 0
        && body.Statements.Take(body.Statements.Count - 1).All(IsStraightLine)
        && body.Statements[body.Statements.Count - 1] is Return { Value: var value }
        && IsLaneExpression(value);

    private static bool IsStraightLine(Stmt statement) => statement switch
    {
        Declare { Kind: ValueKind.Double, Value: { } value } => IsLaneExpression(value),
        Assign assign => IsLaneExpression(assign.Value),
        _ => false,
    };

    private static bool IsLaneExpression(Expr expr) => expr switch
    {
        Constant { Kind: ValueKind.Double } => true,
        Variable { Kind: ValueKind.Double } => true,
        Unary { Op: UnaryOp.Negate, Kind: ValueKind.Double } u => IsLaneExpression(u.Operand),
        Binary { Op: BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide, Kind: ValueKind.Double } b =>
            IsLaneExpression(b.Left) && IsLaneExpression(b.Right),
        MathCall { Name: "Exp" or "Log" or "Sqrt" or "Sin" or "Cos", Arguments.Count: 1 } m => IsLaneExpression(m.Arguments[0]),
        _ => false,
    };
}
