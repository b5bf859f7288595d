using System;
using System.Collections.Generic;
using System.Linq;
using static DeZero.Generators.Model.Expressions;

namespace DeZero.Generators.Model;

/// <summary>
/// One differentiable member of <c>System.Math</c> (or the same member of <c>double</c>): its name, how many
/// arguments it takes, its partial derivatives, its convention at non-differentiable points and whether it
/// runs on SIMD lanes.
/// </summary>
/// <param name="Name">The member's name, as in <c>Math.{Name}</c>.</param>
/// <param name="MinArity">The fewest arguments an accepted overload takes.</param>
/// <param name="MaxArity">The most arguments an accepted overload takes.</param>
/// <param name="Partials">
/// The partial derivative with respect to each argument, written in terms of the arguments and the result
/// <c>t</c> (so <c>Exp</c>'s is <c>t</c> itself, computed once).
/// </param>
/// <param name="Convention">What is used where the function is not differentiable; null where it is smooth.</param>
/// <param name="Lane">The <c>Vector256</c> member computing it on SIMD lanes, or null where there is none.</param>
internal sealed record MathFunction(
    string Name,
    int MinArity,
    int MaxArity,
    Func<Expr[], Expr, Expr[]> Partials,
    string? Convention = null,
    string? Lane = null)
{
    /// <summary>Piecewise constant (rounding, sign): its derivative is zero wherever it exists, so it carries no tangent.</summary>
    public bool IsPiecewiseConstant { get; init; }

    /// <summary>A member of <c>double</c> that <c>System.Math</c> does not have (<c>double.LogP1</c>): printed on <c>double</c>.</summary>
    public bool OnDouble { get; init; }
}

/// <summary>
/// Every <c>System.Math</c> member the generator differentiates, and the members <c>double</c> adds, one entry a line. The parser accepts exactly these,
/// the differentiator takes their partials from here, and the vectoriser their SIMD lanes: supporting one more
/// function is one entry here and its tests.
/// </summary>
internal static class Catalog
{
    private static readonly Expr[] Zeros = [C(0), C(0), C(0)];

    public static readonly MathFunction[] Functions =
    [
        new("Abs", 1, 1, (x, t) => [Choose(Gt(x[0], C(0)), C(1), Choose(Lt(x[0], C(0)), C(-1), Choose(Eq(x[0], C(0)), C(0), C(double.NaN))))], "Abs'(0) = 0"),
        new("Acos", 1, 1, (x, t) => [Neg(Div(C(1), Call("Sqrt", Sub(C(1), Mul(x[0], x[0])))))]),
        new("Acosh", 1, 1, (x, t) => [Div(C(1), Call("Sqrt", Sub(Mul(x[0], x[0]), C(1))))]),
        new("Asin", 1, 1, (x, t) => [Div(C(1), Call("Sqrt", Sub(C(1), Mul(x[0], x[0]))))]),
        new("Asinh", 1, 1, (x, t) => [Div(C(1), Call("Sqrt", Add(Mul(x[0], x[0]), C(1))))]),
        new("Atan", 1, 1, (x, t) => [Div(C(1), Add(C(1), Mul(x[0], x[0])))]),
        new("Atan2", 2, 2, (x, t) => [Choose(IsOrigin(x[0], x[1]), C(0), Div(x[1], SumOfSquares(x[0], x[1]))), Choose(IsOrigin(x[0], x[1]), C(0), Neg(Div(x[0], SumOfSquares(x[0], x[1]))))], "both partials 0 at (0, 0)"),
        new("Atanh", 1, 1, (x, t) => [Div(C(1), Sub(C(1), Mul(x[0], x[0])))]),
        new("Cbrt", 1, 1, (x, t) => [Div(C(1), Mul(C(3), Mul(t, t)))]),
        new("Ceiling", 1, 1, (x, t) => Zeros, "0 everywhere") { IsPiecewiseConstant = true },
        new("Clamp", 3, 3, (x, t) => [Choose(Or(Lt(x[0], x[1]), Gt(x[0], x[2])), C(0), C(1)), Choose(Lt(x[0], x[1]), C(1), C(0)), Choose(Lt(x[0], x[1]), C(0), Choose(Gt(x[0], x[2]), C(1), C(0)))], "the gradient passes to x for lo <= x <= hi, bounds included"),
        new("Cos", 1, 1, (x, t) => [Neg(Call("Sin", x[0]))], Lane: "Cos"),
        new("Cosh", 1, 1, (x, t) => [Call("Sinh", x[0])]),
        new("Exp", 1, 1, (x, t) => [t], Lane: "Exp"),
        new("Floor", 1, 1, (x, t) => Zeros, "0 everywhere") { IsPiecewiseConstant = true },
        new("FusedMultiplyAdd", 3, 3, (x, t) => [x[1], x[0], C(1)]),
        new("Log", 1, 1, (x, t) => [Div(C(1), x[0])], Lane: "Log"),
        new("Log", 2, 2, (x, t) => [Div(C(1), Mul(x[0], Call("Log", x[1]))), Neg(Div(t, Mul(x[1], Call("Log", x[1]))))]),
        new("Log10", 1, 1, (x, t) => [Div(C(1), Mul(x[0], C(Ln10)))]),
        new("Log2", 1, 1, (x, t) => [Div(C(1), Mul(x[0], C(Ln2)))]),
        new("Max", 2, 2, (x, t) => [TieSplit(Gt(x[0], x[1]), Lt(x[0], x[1]), x[0], x[1]), TieSplit(Lt(x[0], x[1]), Gt(x[0], x[1]), x[0], x[1])], "a tie splits the gradient half and half"),
        new("Min", 2, 2, (x, t) => [TieSplit(Lt(x[0], x[1]), Gt(x[0], x[1]), x[0], x[1]), TieSplit(Gt(x[0], x[1]), Lt(x[0], x[1]), x[0], x[1])], "a tie splits the gradient half and half"),
        // d/dx = p x^(p-1), so negative bases with whole exponents are right; d/dp = x^p ln x, 0 at x = 0.
        new("Pow", 2, 2, (x, t) => [Choose(Eq(x[1], C(0)), C(0), Mul(x[1], Call("Pow", x[0], Sub(x[1], C(1))))), Choose(Eq(x[0], C(0)), C(0), Mul(t, Call("Log", x[0])))], "d/dx = p·x^(p-1), 0 when p = 0; d/dp = x^p·ln x, 0 at x = 0"),
        new("Round", 1, 3, (x, t) => Zeros, "0 everywhere") { IsPiecewiseConstant = true },
        new("Sign", 1, 1, (x, t) => Zeros, "0 everywhere") { IsPiecewiseConstant = true },
        new("Sin", 1, 1, (x, t) => [Call("Cos", x[0])], Lane: "Sin"),
        new("Sinh", 1, 1, (x, t) => [Call("Cosh", x[0])]),
        new("Sqrt", 1, 1, (x, t) => [Div(C(0.5), t)], Lane: "Sqrt"),
        new("Tan", 1, 1, (x, t) => [Add(C(1), Mul(t, t))]),
        new("Tanh", 1, 1, (x, t) => [Sub(C(1), Mul(t, t))]),
        new("Truncate", 1, 1, (x, t) => Zeros, "0 everywhere") { IsPiecewiseConstant = true },
        new("CopySign", 2, 2, (x, t) => [Choose(Gt(x[0], C(0)), Call("CopySign", C(1), x[1]), Choose(Lt(x[0], C(0)), Neg(Call("CopySign", C(1), x[1])), Choose(Eq(x[0], C(0)), C(0), C(double.NaN)))), C(0)], "d/dx = ±1 (0 at x = 0), d/ds = 0"),
        new("IEEERemainder", 2, 2, Remainder, "d/dx = 1, d/dy = -n for the quotient n it rounds to, at a jump the side taken"),
        new("MaxMagnitude", 2, 2, (x, t) => ByMagnitude(x, larger: true), "a tie in magnitude splits the gradient half and half"),
        new("MinMagnitude", 2, 2, (x, t) => ByMagnitude(x, larger: false), "a tie in magnitude splits the gradient half and half"),
        new("ScaleB", 2, 2, (x, t) => [Call("ScaleB", C(1), x[1]), C(0)]),

        // Members of double beyond Math.
        new("AcosPi", 1, 1, (x, t) => [Neg(Div(C(1), Mul(C(Math.PI), Call("Sqrt", Sub(C(1), Mul(x[0], x[0]))))))]) { OnDouble = true },
        new("AsinPi", 1, 1, (x, t) => [Div(C(1), Mul(C(Math.PI), Call("Sqrt", Sub(C(1), Mul(x[0], x[0])))))]) { OnDouble = true },
        new("AtanPi", 1, 1, (x, t) => [Div(C(1), Mul(C(Math.PI), Add(C(1), Mul(x[0], x[0]))))]) { OnDouble = true },
        new("Atan2Pi", 2, 2, (x, t) => [Choose(IsOrigin(x[0], x[1]), C(0), Div(x[1], Mul(C(Math.PI), SumOfSquares(x[0], x[1])))), Choose(IsOrigin(x[0], x[1]), C(0), Neg(Div(x[0], Mul(C(Math.PI), SumOfSquares(x[0], x[1])))))], "both partials 0 at (0, 0)") { OnDouble = true },
        new("CosPi", 1, 1, (x, t) => [Neg(Mul(C(Math.PI), Call("SinPi", x[0])))]) { OnDouble = true },
        new("DegreesToRadians", 1, 1, (x, t) => [C(Math.PI / 180)]) { OnDouble = true },
        new("Exp10", 1, 1, (x, t) => [Mul(t, C(Ln10))]) { OnDouble = true },
        new("Exp10M1", 1, 1, (x, t) => [Mul(Call("Exp10", x[0]), C(Ln10))]) { OnDouble = true },
        new("Exp2", 1, 1, (x, t) => [Mul(t, C(Ln2))]) { OnDouble = true },
        new("Exp2M1", 1, 1, (x, t) => [Mul(Call("Exp2", x[0]), C(Ln2))]) { OnDouble = true },
        new("ExpM1", 1, 1, (x, t) => [Call("Exp", x[0])]) { OnDouble = true },
        new("Hypot", 2, 2, (x, t) => [Choose(IsOrigin(x[0], x[1]), C(0), Div(x[0], t)), Choose(IsOrigin(x[0], x[1]), C(0), Div(x[1], t))], "both partials 0 at (0, 0)") { OnDouble = true },
        new("Ieee754Remainder", 2, 2, Remainder, "as IEEERemainder") { OnDouble = true },
        new("Lerp", 3, 3, (x, t) => [Sub(C(1), x[2]), x[2], Sub(x[1], x[0])]) { OnDouble = true },
        new("Log10P1", 1, 1, (x, t) => [Div(C(1), Mul(Add(C(1), x[0]), C(Ln10)))]) { OnDouble = true },
        new("Log2P1", 1, 1, (x, t) => [Div(C(1), Mul(Add(C(1), x[0]), C(Ln2)))]) { OnDouble = true },
        new("LogP1", 1, 1, (x, t) => [Div(C(1), Add(C(1), x[0]))]) { OnDouble = true },
        new("RadiansToDegrees", 1, 1, (x, t) => [C(180 / Math.PI)]) { OnDouble = true },
        // d/dx x^(1/n) = 1 / (n·t^(n-1)): +infinity at 0 for n > 1, as Sqrt's; the int n has no tangent.
        new("RootN", 2, 2, (x, t) => [Div(C(1), Mul(x[1], Call("Pow", t, Sub(x[1], C(1))))), C(0)]) { OnDouble = true },
        new("SinPi", 1, 1, (x, t) => [Mul(C(Math.PI), Call("CosPi", x[0]))]) { OnDouble = true },
        new("TanPi", 1, 1, (x, t) => [Mul(C(Math.PI), Add(C(1), Mul(t, t)))]) { OnDouble = true },
    ];

    private const double Ln2 = 0.6931471805599453;

    private const double Ln10 = 2.302585092994046;

    private static readonly Dictionary<string, MathFunction[]> ByName =
        Functions.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>Whether some overload of <c>Math.{name}</c> is in the catalog.</summary>
    public static bool Contains(string name) => ByName.ContainsKey(name);

    /// <summary>The entry for <c>Math.{name}</c> with <paramref name="arity"/> arguments, or null.</summary>
    public static MathFunction? Find(string name, int arity) =>
        ByName.TryGetValue(name, out var overloads) ? overloads.FirstOrDefault(f => f.MinArity <= arity && arity <= f.MaxArity) : null;

    /// <summary>The entry a call was parsed from; every MathCall in a model has one.</summary>
    public static MathFunction Of(MathCall call) =>
        Find(call.Name, call.Arguments.Count) ?? throw new InvalidOperationException($"Math.{call.Name} with {call.Arguments.Count} arguments is not in the catalog");

    private static Expr TieSplit(Expr wins, Expr loses, Expr a, Expr b) =>
        Choose(wins, C(1), Choose(loses, C(0), Choose(Eq(a, b), C(0.5), C(double.NaN))));

    /// <summary>MaxMagnitude and MinMagnitude: the gradient to the argument returned, as Max and Min, comparing magnitudes.</summary>
    private static Expr[] ByMagnitude(Expr[] x, bool larger)
    {
        var (a, b) = (Call("Abs", x[0]), Call("Abs", x[1]));
        var (wins, loses) = larger ? (Gt(a, b), Lt(a, b)) : (Lt(a, b), Gt(a, b));
        return [TieSplit(wins, loses, a, b), TieSplit(loses, wins, a, b)];
    }

    /// <summary>x - n·y for the integer n nearest x / y, recovered exactly from the result as round((x - t) / y).</summary>
    private static Expr[] Remainder(Expr[] x, Expr t) => [C(1), Neg(Call("Round", Div(Sub(x[0], t), x[1])))];

    private static Expr SumOfSquares(Expr a, Expr b) => Add(Mul(a, a), Mul(b, b));

    private static Expr IsOrigin(Expr a, Expr b) => And(Eq(a, C(0)), Eq(b, C(0)));
}
