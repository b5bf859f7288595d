using System;
using System.Linq;
using System.Text.Json.Nodes;
using DeZero.GradBench.Evals;
using DeZero.GradBench.Protocol;
using Xunit;

namespace DeZero.GradBench.Tests;

/// <summary>
/// The derivative references the generated derivatives will be checked against, themselves checked: closed forms
/// against central differences of our primals, and every reference against GradBench's own hand-written derivatives.
/// </summary>
public sealed class ReferenceTests
{
    public static TheoryData<string, int> Cases(params string[] evals)
    {
        var data = new TheoryData<string, int>();
        foreach (string eval in evals)
        {
            for (int i = 0; i < Fixture.Cases(eval).Count; i++)
            {
                data.Add(eval, i);
            }
        }

        return data;
    }

    public static TheoryData<string, int> ClosedFormCases => Cases("det", "llsq", "lse");

    public static TheoryData<string, int> ScalarGradientCases => Cases("det", "gmm", "llsq", "lse", "lstm");

    [Theory]
    [MemberData(nameof(ClosedFormCases))]
    public void ClosedForm_FixtureCase_AgreesWithCentralDifferencesOfOurPrimal(string eval, int index)
    {
        var input = Fixture.Input(Fixture.Cases(eval)[index]);
        Func<double[], double> primal = eval switch
        {
            "lse" => x => Lse.LogSumExp(x),
            "llsq" => x => Llsq.Objective(x, JsonInput.Int(input, "n")),
            _ => a => Det.Determinant(a, JsonInput.Int(input, "ell")),
        };
        double[] point = JsonInput.Vector(input, eval == "det" ? "A" : "x");

        double[] differences = References.CentralDifferences(primal, point);

        Tolerance.AssertClose(Derivatives.Expected(eval, Fixture.Cases(eval)[index]), differences, 1e-9, eval);
    }

    [Theory]
    [MemberData(nameof(ScalarGradientCases))]
    public void Reference_FixtureCase_AgreesWithGradBenchsHandWrittenDerivative(string eval, int index)
    {
        JsonObject testCase = Fixture.Cases(eval)[index];

        Tolerance.AssertClose(Derivatives.GradBenchs(eval, testCase), Derivatives.Expected(eval, testCase), 1e-9, eval);
    }

    [Theory]
    [MemberData(nameof(OdeSizes))]
    public void OdeReference_WhereTheGradientIsTiny_AgreesWithRk4sExactDerivativeRelatively(int n, int s)
    {
        var random = new Random(n * 1000 + s);
        var x = new double[n];
        for (int i = 0; i < n; i++) { x[i] = random.NextDouble(); }

        double[] reference = References.CentralDifferences(v => Ode.Last(v, s), x, 1e-4, relativeStep: true);

        double[] exact = References.Rk4LastTangents(x, s);
        Tolerance.AssertRelative(exact, reference, 1e-8, $"n={n} s={s}");
        // At 30 equations and more, far below GradBench's absolute rule, which would pass anything.
        Assert.True(n < 30 || exact.Max(Math.Abs) < 1e-9, $"largest {exact.Max(Math.Abs):E2}");
    }

    // RK4 with s steps makes yᵢ a polynomial of degree 4s in time, so y[n-1] and its gradient are exactly 0 for
    // n > 4s (every GradBench default: n ≥ 1000, s ≤ 100): the sizes here keep n ≤ 4s.
    public static TheoryData<int, int> OdeSizes => new() { { 6, 3 }, { 8, 10 }, { 30, 10 }, { 60, 20 } };

    [Fact]
    public void OdeGradBenchsGradient_SmallStepCount_IsTheContinuousSolutionsNotRk4s()
    {
        // GradBench's manual ode gradient differentiates the exact solution y(2), not the RK4 computation: with 3 steps
        // the two differ in the third digit, which its 1e-4 rule hides only for tiny gradients.
        JsonObject testCase = Fixture.Cases("ode")[0];
        var input = Fixture.Input(testCase);

        double[] rk4 = References.Rk4LastTangents(JsonInput.Vector(input, "x"), JsonInput.Int(input, "s"));
        double[] gradbench = Derivatives.GradBenchs("ode", testCase);

        Assert.Contains(Enumerable.Range(0, rk4.Length), i => Math.Abs(rk4[i] - gradbench[i]) > 1e-4 * Math.Abs(rk4[i]));
    }
}
