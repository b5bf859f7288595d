using System;
using System.Collections.Generic;
using DeZero.Generators.Calculus;
using DeZero.Generators.Model;
using DeZero.Generators.Tests.Infrastructure;
using Xunit;
using static DeZero.Generators.Model.Expressions;

namespace DeZero.Generators.Tests.Calculus;

// Inside the namespace, so it wins over DeZero.Variable of the runtime, which an enclosing namespace finds first.
using Variable = DeZero.Generators.Model.Variable;

/// <summary>
/// Layer 1, no Roslyn: each rewrite of the simplifier gives the expected shape, and the same value as the expression
/// it replaces at every point tried, infinities and NaN included (the claim of its docs: exact short of overflow or
/// underflow at the ends of the range; the sign of a zero may change, as <c>0 + e</c> gives +0 for e = -0).
/// </summary>
public sealed class SimplifierTests
{
    private static readonly Expr X = new Variable("x", ValueKind.Double);
    private static readonly Expr Y = new Variable("y", ValueKind.Double);

    private static readonly Dictionary<string, (Expr Before, Expr After)> Cases = new()
    {
        ["constants fold"] = (Add(C(1.5), Mul(C(2), C(0.25))), C(2)),
        ["0 + e"] = (Add(C(0), X), X),
        ["e + 0"] = (Add(X, C(0)), X),
        ["e - 0"] = (Sub(X, C(0)), X),
        ["0 - e"] = (Sub(C(0), X), Neg(X)),
        ["1 · e"] = (Mul(C(1), X), X),
        ["e · 1"] = (Mul(X, C(1)), X),
        ["-1 · e"] = (Mul(C(-1), X), Neg(X)),
        ["e / 1"] = (Div(X, C(1)), X),
        ["--e"] = (Neg(Neg(X)), X),
        ["a + -b"] = (Add(X, Neg(Y)), Sub(X, Y)),
        ["a - -b"] = (Sub(X, Neg(Y)), Add(X, Y)),
        ["-a + -b"] = (Add(Neg(X), Neg(Y)), Sub(Neg(X), Y)),
        ["e + e"] = (Add(X, X), Mul(C(2), X)),
        ["-(c·e)"] = (Neg(Mul(C(3), X)), Mul(C(-3), X)),
        ["a + (-c)·e"] = (Add(X, Mul(C(-3), Y)), Sub(X, Mul(C(3), Y))),
        ["c1 · (2^k · e)"] = (Mul(C(3), Mul(C(4), X)), Mul(C(12), X)),
        ["a · (2^k · b)"] = (Mul(X, Mul(C(2), Y)), Mul(C(2), Mul(X, Y))),
        ["(-a) · b"] = (Mul(Neg(X), Y), Neg(Mul(X, Y))),
        ["a · (-b)"] = (Mul(X, Neg(Y)), Neg(Mul(X, Y))),
        ["a constant comparison"] = (Choose(Gt(C(2), C(1)), X, Y), X),
        ["a choice between equal constants"] = (Choose(Gt(X, Y), C(0.5), C(0.5)), C(0.5)),
        ["inside a call"] = (Call("Exp", Add(X, C(0))), Call("Exp", X)),
    };

    public static TheoryData<string> Rewrites() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void Simplify_Rewrite_GivesItsShapeAndTheSameValue(string name)
    {
        var (before, after) = Cases[name];
        var simplified = Simplifier.Simplify(before);

        Assert.True(after.Equals(simplified), $"{name}: got {simplified}");
        var interpreter = new Interpreter();
        foreach (var (x, y) in Points())
        {
            var variables = new Dictionary<string, double> { ["x"] = x, ["y"] = y };
            var expected = interpreter.Evaluate(before, variables);
            var actual = interpreter.Evaluate(simplified, variables);
            Assert.True(
                expected == actual || (double.IsNaN(expected) && double.IsNaN(actual)),
                $"{name} at x = {x:R}, y = {y:R}: {expected:R} before, {actual:R} after");
        }
    }

    [Fact]
    public void Simplify_ZeroTimesAnything_IsStructurallyZero()
    {
        // The convention of every AD tool: a derivative that does not exist is zero, even against an infinite factor.
        Assert.Equal(C(0), Simplifier.Simplify(Mul(C(0), X)));
        Assert.Equal(C(0), Simplifier.Simplify(Mul(X, C(0))));
        Assert.Equal(C(0), Simplifier.Simplify(Div(C(0), X)));
    }

    [Fact]
    public void Simplify_AlreadySimple_ReturnsAnEqualExpression()
    {
        var expr = Sub(Mul(X, Y), Call("Sin", X));
        Assert.Equal(expr, Simplifier.Simplify(expr));
    }

    [Fact]
    public void Simplify_NonPowerOfTwo_IsNotMovedOutwards()
    {
        // 3 · (x · y) and x · (3 · y) round differently: only powers of two commute with rounding.
        var expr = Mul(X, Mul(C(3), Y));
        Assert.Equal(expr, Simplifier.Simplify(expr));
    }

    private static IEnumerable<(double X, double Y)> Points()
    {
        var random = new Random(20261129);
        yield return (0, 0);
        yield return (-0.0, 1);
        yield return (double.NaN, 1);
        yield return (double.PositiveInfinity, -2);
        yield return (1e-310, 3e300);
        for (var i = 0; i < 200; i++)
        {
            yield return (Scale(random), Scale(random));
        }
    }

    private static double Scale(Random random) => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9));
}
