using System;
using DeZero.GradBench.Evals;
using Xunit;

namespace DeZero.GradBench.Tests;

/// <summary>The primals against values known without GradBench's code: published numbers and closed forms.</summary>
public sealed class PrimalTests
{
    [Fact]
    public void GmmObjective_AdbenchTestInstance_IsThePublishedLogPosterior()
    {
        // ADBench's data/gmm/test.txt: d = 2, k = 3, n = 1, gamma = 1, m = 0.
        double[] alpha = [-0.649014, 1.181166, -0.758453];
        double[] mu = [0.092339, 0.186260, 0.345561, 0.396767, 0.538817, 0.419195];
        double[] q = [0.586443, -0.851887, -1.509405, 0.875874, 0.166813, -1.965419];
        double[] l = [0.800321, -0.242790, -1.270071];
        double[] x = [1.175171, 2.029160];

        double objective = Gmm.Objective(alpha, mu, q, l, x, 2, 3, 1, 1.0, 0);

        Tolerance.AssertClose(-20.067360546658307, objective, 1e-15, "objective");
    }

    [Theory]
    [InlineData(2, 0, 1.0)]
    [InlineData(3, 2, 1.5)]
    [InlineData(5, 1, 0.5)]
    public void GmmObjective_NoData_IsTheWishartPriorInClosedForm(int d, int m, double gamma)
    {
        // With n = 0 only the prior is left: per component (n' = d + m + 1)
        // n'd·log(γ/√2) - log Γ_d(n'/2) - γ²/2·‖Q‖²_F + m·Σq, Γ_d from its definition with Math's own log Γ (via doubles).
        int k = 2, lSize = d * (d - 1) / 2;
        var random = new Random(d * 100 + m);
        double[] alpha = [0.3, -0.2];
        double[] mu = new double[k * d];
        double[] q = new double[k * d];
        double[] l = new double[k * lSize];
        for (int i = 0; i < q.Length; i++) { q[i] = random.NextDouble() - 0.5; }
        for (int i = 0; i < l.Length; i++) { l[i] = random.NextDouble() - 0.5; }

        int wishartN = d + m + 1;
        double logGammaD = d * (d - 1) / 4.0 * Math.Log(Math.PI);
        for (int j = 1; j <= d; j++)
        {
            logGammaD += LogGamma(wishartN / 2.0 + (1 - j) / 2.0);
        }

        double expected = 0;
        for (int c = 0; c < k; c++)
        {
            double frobenius = 0, sumQ = 0;
            for (int j = 0; j < d; j++) { frobenius += Math.Exp(2 * q[c * d + j]); sumQ += q[c * d + j]; }
            for (int j = 0; j < lSize; j++) { frobenius += l[c * lSize + j] * l[c * lSize + j]; }
            expected += wishartN * d * Math.Log(gamma / Math.Sqrt(2)) - logGammaD - gamma * gamma / 2 * frobenius + m * sumQ;
        }

        double objective = Gmm.Objective(alpha, mu, q, l, [], d, k, 0, gamma, m);

        Tolerance.AssertClose(expected, objective, 1e-13, "prior");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void OdeLast_FourEquations_IsTheExactSolutionForAnyStepCount(int s)
    {
        // y' = A·y + x₀e₀ with A nilpotent: for n ≤ 4 each RK4 step is the exact Taylor series of the flow, so
        // y₃(2) = x₀x₁x₂x₃ · 2⁴/4! whatever s.
        double[] x = [0.7, 1.3, 0.4, 2.1];

        double last = Ode.Last(x, s);

        Tolerance.AssertClose(0.7 * 1.3 * 0.4 * 2.1 * 16 / 24, last, 1e-15, "y3(2)");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(6, 3)]
    [InlineData(40, 10)]
    [InlineData(300, 2)]
    public void OdeLast_AnySize_IsBitForBitTheLastElementOfSolve(int n, int s)
    {
        var random = new Random(n + s);
        var x = new double[n];
        for (int i = 0; i < n; i++) { x[i] = random.NextDouble() * 2; }
        var y = new double[n];

        Ode.Solve(x, s, y);

        Assert.Equal(BitConverter.DoubleToInt64Bits(y[^1]), BitConverter.DoubleToInt64Bits(Ode.Last(x, s)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    public void Determinant_RandomMatrix_AgreesWithGaussianElimination(int ell)
    {
        var random = new Random(ell);
        var a = new double[ell * ell];
        for (int i = 0; i < a.Length; i++) { a[i] = random.NextDouble() * 2 - 1; }

        Tolerance.AssertClose(References.Determinant(a, ell), Det.Determinant(a, ell), 1e-13, "det");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(16)]
    public void LlsqObjective_ZeroCoefficients_IsHalfTheNumberOfNonZeroSigns(int n)
    {
        // With x = 0 every residual is sign(tᵢ): ±1, and 0 at the middle point of an odd n.
        double expected = (n % 2 == 1 ? n - 1 : n) / 2.0;

        Assert.Equal(expected, Llsq.Objective(new double[4], n));
    }

    [Fact]
    public void LseLogSumExp_SmallValues_IsLogOfTheSumOfExponentials()
    {
        double[] x = [0.5, -1.25, 2.0, 0.75];

        Tolerance.AssertClose(Math.Log(Math.Exp(0.5) + Math.Exp(-1.25) + Math.Exp(2.0) + Math.Exp(0.75)), Lse.LogSumExp(x), 1e-15, "lse");
    }

    [Fact]
    public void LseLogSumExp_LargeValues_StaysFinite()
    {
        double[] x = [1000, 1000];

        Tolerance.AssertClose(1000 + Math.Log(2), Lse.LogSumExp(x), 1e-15, "lse");
    }

    [Fact]
    public void LstmObjective_OneLayerOneBitTwoCharacters_IsTheHandExpandedLoss()
    {
        // Weights forget, in, out, change; then the biases in that order.
        double[] main = [0.3, -0.4, 0.5, 0.6, 0.1, 0.2, -0.3, 0.4];
        double[] extra = [0.7, 1.1, -0.2];
        double[] state = [0.25, -0.5];
        double[] sequence = [1, 0.5];
        static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

        double input = 1 * 0.7;
        double forget = Sigmoid(input * 0.3 + 0.1);
        double inGate = Sigmoid(0.25 * -0.4 + 0.2);
        double outGate = Sigmoid(input * 0.5 - 0.3);
        double change = Math.Tanh(0.25 * 0.6 + 0.4);
        double cell = -0.5 * forget + inGate * change;
        double hidden = outGate * Math.Tanh(cell);
        double prediction = hidden * 1.1 - 0.2;
        double expected = -(0.5 * (prediction - Math.Log(Math.Exp(prediction) + 2))) / 1;

        Tolerance.AssertClose(expected, Lstm.Objective(main, extra, state, sequence, 1, 2, 1), 1e-15, "loss");
    }

    // log Γ by Lanczos (g = 7, n = 9), accurate to about 1e-15 for x ≥ 0.5: an independent route from Gmm's finite sums.
    private static double LogGamma(double x)
    {
        double[] c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) { a += c[i] / (x + i); }
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }
}
