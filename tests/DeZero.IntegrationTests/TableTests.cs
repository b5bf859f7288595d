using System;
using System.Linq;
using DeZero.IntegrationTests.Functions;
using Xunit;
using static DeZero.IntegrationTests.ArrayGradients;

namespace DeZero.IntegrationTests;

/// <summary>
/// Static readonly arrays read as tables of constants (issue 16): values and derivatives against closed forms, central
/// differences and the graph node; the tables are never differentiated.
/// </summary>
public sealed class TableTests
{
    private static double P(double x) => 1 + 0.5 * x - 0.25 * x * x + 0.125 * x * x * x;

    private static double DP(double x) => 0.5 - 0.5 * x + 0.375 * x * x;

    [Fact]
    public void Horner_TableCoefficientsAndLength_MatchesClosedForm() =>
        Gradients.Check1(Tables.Horner, Tables.HornerWithGradient, Tables.Horner, DP, [-2, -0.5, 0, 0.75, 3]);

    [Fact]
    public void Horner_Value_IsThePolynomial()
    {
        foreach (var x in new[] { -2.0, 0.5, 3.0 })
        {
            Gradients.AssertClose(P(x), Tables.HornerWithGradient(x).Value, 1e-15, $"p({x})");
        }
    }

    [Fact]
    public void Rational_TwoTablesInALocalFunction_MatchesQuotientRule()
    {
        static double Q(double x) => 1 + 2 * x * x;
        Gradients.Check2(Tables.Rational, Tables.RationalWithGradient, Tables.Rational,
            (x, a) => (a * (DP(x) * Q(x) - P(x) * 4 * x) / (Q(x) * Q(x)), P(x) / Q(x)),
            [(0.5, 2), (-1.5, 0.25), (2, -1)]);
    }

    [Fact]
    public void Sparse_ForeachOverATableAndIntTable_MatchesClosedForm() =>
        // 1·x⁰ + 0.5·x² - 0.25·x³: d/dx = x - 0.75x².
        Gradients.Check1(Tables.Sparse, Tables.SparseWithGradient, Tables.Sparse, x => x - 0.75 * x * x, [-1.5, 0.5, 2]);

    [Fact]
    public void Quadratic_StraightLine_MatchesClosedFormAndDocsShowTheElements() =>
        Gradients.Check1(Tables.Quadratic, Tables.QuadraticWithGradient, Tables.Quadratic, x => 0.5 - 0.5 * x, [-1, 0, 2.5]);

    [Fact]
    public void WeightedPolynomial_ArrayMethod_GradientIsDerivativeTimesWeightAndThePolynomial()
    {
        (double[] X, double[] W) Split(double[] p) => (p[..3], p[3..]);
        Check(
            "WeightedPolynomial",
            p => Tables.WeightedPolynomial(Split(p).X, Split(p).W),
            p =>
            {
                var (value, dx, dw) = Tables.WeightedPolynomialWithGradient(Split(p).X, Split(p).W);
                return (value, [.. dx, .. dw]);
            },
            p => [.. Split(p).X.Select((x, i) => DP(x) * Split(p).W[i]), .. Split(p).X.Select(P)],
            [0.5, -1.25, 2, 1.5, -0.5, 0.25]);
    }

    [Fact]
    public void WeightedPolynomial_GraphNode_MatchesClosedForm()
    {
        var x = new Variable(new NDArray([0.5, -1.25]));
        var w = new Variable(new NDArray([1.5, -0.5]));
        var y = Tables.WeightedPolynomial(x, w);
        y.Backward();
        Gradients.AssertClose(P(0.5) * 1.5 - P(-1.25) * 0.5, y.Data.Item(), 1e-14, "value");
        Gradients.AssertClose(DP(0.5) * 1.5, x.Grad![0], 1e-14, "d/dx0");
        Gradients.AssertClose(DP(-1.25) * -0.5, x.Grad![1], 1e-14, "d/dx1");
        Gradients.AssertClose(P(-1.25), w.Grad![1], 1e-14, "d/dw1");
    }

    [Fact]
    public void PowerSum_ForeachOverIntTableInArrayMethod_MatchesClosedForm() =>
        // 1·x0⁰ + 0.5·x1² - 0.25·x2³: gradient (0, x1, -0.75·x2²).
        Check("PowerSum", p => Tables.PowerSum(p), p => Tables.PowerSumWithGradient(p), p => [0, p[1], -0.75 * p[2] * p[2]], [0.5, -1.5, 2]);
}
