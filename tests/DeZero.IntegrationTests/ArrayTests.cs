using System;
using System.Linq;
using DeZero.IntegrationTests.Functions;
using Xunit;
using static DeZero.IntegrationTests.ArrayGradients;

namespace DeZero.IntegrationTests;

/// <summary>
/// Methods of arrays, differentiated in reverse mode: each gradient against a hand-derived closed form (1e-11
/// relative) and central differences of the method itself, the value bit for bit the method's.
/// </summary>
public sealed class ArrayTests
{
    private static readonly double[] Data = [0.3, -1.2, 0.7, 2.1, -0.4];

    [Fact]
    public void Sum_Gradient_IsOnes() =>
        Check("Sum", p => Arrays.Sum(p), p => Arrays.SumWithGradient(p), p => p.Select(_ => 1.0).ToArray(), Data, Point(1, 17));

    [Fact]
    public void SumSquares_Gradient_IsTwoX() =>
        Check("SumSquares", p => Arrays.SumSquares(p), p => Arrays.SumSquaresWithGradient(p), p => p.Select(v => 2 * v).ToArray(), Data, Point(2, 9));

    [Fact]
    public void Dot_DataNotDifferentiated_GradientIsTheData()
    {
        var x = Point(3, 5);
        Check("Dot", p => Arrays.Dot(p, x), p => Arrays.DotWithGradient(p, x), _ => x, Data);
    }

    [Fact]
    public void DotBoth_TwoArrayParameters_EachGetsTheOther()
    {
        (double[] A, double[] B) Split(double[] p) => (p[..3], p[3..]);
        Check(
            "DotBoth",
            p => Arrays.DotBoth(Split(p).A, Split(p).B),
            p =>
            {
                var (value, da, db) = Arrays.DotBothWithGradient(Split(p).A, Split(p).B);
                return (value, [.. da, .. db]);
            },
            p => [.. Split(p).B, .. Split(p).A],
            Point(4, 6));
    }

    [Fact]
    public void Norm_CallsSumSquares_UnitVector() =>
        Check("Norm", p => Arrays.Norm(p), p => Arrays.NormWithGradient(p), p => p.Select(v => v / Math.Sqrt(p.Sum(u => u * u))).ToArray(), Data, Point(5, 4));

    [Fact]
    public void Mean_DividesByLength_OneOverN() =>
        Check("Mean", p => Arrays.Mean(p), p => Arrays.MeanWithGradient(p), p => p.Select(_ => 1.0 / p.Length).ToArray(), Data);

    [Fact]
    public void Variance_TwoPasses_TwoDeviationsOverN() =>
        Check("Variance", p => Arrays.Variance(p), p => Arrays.VarianceWithGradient(p), p => p.Select(v => 2 * (v - p.Average()) / p.Length).ToArray(), Data, Point(6, 8));

    [Fact]
    public void LogSumExp_Gradient_IsSoftmax() =>
        Check("LogSumExp", p => Arrays.LogSumExp(p), p => Arrays.LogSumExpWithGradient(p), Softmax, Data, Point(7, 12, -20, 20));

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void CrossEntropy_IntLabel_SoftmaxMinusOneHot(int label) =>
        Check(
            "CrossEntropy",
            p => Arrays.CrossEntropy(p, label),
            p => Arrays.CrossEntropyWithGradient(p, label),
            p => Softmax(p).Select((s, i) => s - (i == label ? 1 : 0)).ToArray(),
            Data);

    [Fact]
    public void LogisticLoss_FlattenedFeatures_MatchesClosedForm()
    {
        const int features = 3;
        var xs = Point(8, 4 * features, -2, 2);
        double[] ys = [1, -1, -1, 1];
        Check(
            "LogisticLoss",
            p => Arrays.LogisticLoss(p.AsSpan(0, features), p[features], xs, ys, features),
            p =>
            {
                var (value, dw, db) = Arrays.LogisticLossWithGradient(p.AsSpan(0, features), p[features], xs, ys, features);
                return (value, [.. dw, db]);
            },
            p =>
            {
                var gradient = new double[features + 1];
                for (var i = 0; i < ys.Length; i++)
                {
                    var z = p[features] + Enumerable.Range(0, features).Sum(j => p[j] * xs[(i * features) + j]);
                    var dz = -ys[i] / (1 + Math.Exp(ys[i] * z));
                    for (var j = 0; j < features; j++)
                    {
                        gradient[j] += dz * xs[(i * features) + j];
                    }

                    gradient[features] += dz;
                }

                return gradient;
            },
            Point(9, features + 1));
    }

    [Fact]
    public void LogisticLoss_GradientIntoSpans_MatchesTheAllocatingOverload()
    {
        var xs = Point(10, 6);
        double[] ys = [1, -1];
        double[] w = [0.2, -0.3, 0.5];
        Span<double> dw = stackalloc double[3];
        var value = Arrays.LogisticLossWithGradient(w, 0.1, xs, ys, 3, dw, out var db);
        var (expected, expectedDw, expectedDb) = Arrays.LogisticLossWithGradient(w, 0.1, xs, ys, 3);
        Assert.Equal(expected, value);
        Assert.Equal(expectedDw, dw.ToArray());
        Assert.Equal(expectedDb, db);
    }

    [Fact]
    public void PolynomialFit_Coefficients_TwiceResidualTimesPowers()
    {
        var t = Point(11, 6);
        var y = Point(12, 6);
        Check(
            "PolynomialFit",
            p => Arrays.PolynomialFit(p, t, y),
            p => Arrays.PolynomialFitWithGradient(p, t, y),
            p => Enumerable.Range(0, p.Length).Select(k => t.Select((ti, i) => 2 * (Polynomial(p, ti) - y[i]) * Math.Pow(ti, k)).Sum()).ToArray(),
            Point(13, 4));
    }

    [Fact]
    public void Horner_CoefficientsAndPoint_PowersAndDerivative() =>
        Check(
            "Horner",
            p => Arrays.Horner(p.AsSpan(0, 4), p[4]),
            p =>
            {
                var (value, dc, dt) = Arrays.HornerWithGradient(p.AsSpan(0, 4), p[4]);
                return (value, [.. dc, dt]);
            },
            p => [.. Enumerable.Range(0, 4).Select(k => Math.Pow(p[4], k)), Enumerable.Range(1, 3).Sum(k => k * p[k] * Math.Pow(p[4], k - 1))],
            Point(14, 5));

    [Fact]
    public void PrefixSquares_ScratchArray_SumsOfLaterPrefixes() =>
        Check(
            "PrefixSquares",
            p => Arrays.PrefixSquares(p),
            p => Arrays.PrefixSquaresWithGradient(p),
            p =>
            {
                var prefix = new double[p.Length];
                for (var i = 0; i < p.Length; i++)
                {
                    prefix[i] = (i == 0 ? 0 : prefix[i - 1]) + p[i];
                }

                return Enumerable.Range(0, p.Length).Select(j => Enumerable.Range(j, p.Length - j).Sum(i => 2 * prefix[i])).ToArray();
            },
            Data);

    [Fact]
    public void Huber_PerElementBranches_ClippedResiduals() =>
        Check("Huber", p => Arrays.Huber(p), p => Arrays.HuberWithGradient(p), p => p.Select(v => Math.Abs(v) <= 1 ? v : Math.Sign(v)).ToArray(), Data, [-3, 0.5, 1.5, -0.9]);

    [Fact]
    public void RowNorms_CallsOnRowSlices_UnitRows() =>
        Check(
            "RowNorms",
            p => Arrays.RowNorms(p, 3),
            p => Arrays.RowNormsWithGradient(p, 3),
            p => p.Select((v, i) => v / Math.Sqrt(p.Skip(i / 3 * 3).Take(3).Sum(u => u * u))).ToArray(),
            Point(15, 12));

    [Fact]
    public void WeightedRecursive_RecursionOverSlices_IndexWeights() =>
        Check(
            "WeightedRecursive",
            p => Arrays.WeightedRecursive(p.AsSpan(0, 5), p[5]),
            p =>
            {
                var (value, dx, dw) = Arrays.WeightedRecursiveWithGradient(p.AsSpan(0, 5), p[5]);
                return (value, [.. dx, dw]);
            },
            p => [.. Enumerable.Range(0, 5).Select(i => p[5] + i), p.Take(5).Sum()],
            Point(16, 6));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)] // GradBench's size: 109,601 calls recording on one tape
    public void Determinant_CofactorRecursion_CofactorMatrix(int n)
    {
        var a = Point(17 + n, n * n, -2, 2);
        for (var i = 0; i < n; i++)
        {
            a[(i * n) + i] += 3; // well conditioned
        }

        Check("Determinant", p => Arrays.Determinant(p, n), p => Arrays.DeterminantWithGradient(p, n), p => Cofactors(p, n), a);
    }

    [Fact]
    public void Minor_IntArrayWrittenAndRestored_LeavesItAsItWas()
    {
        double[] a = [2, 1, 0, 1, 3, 1, 0, 1, 4];
        int[] used = [0, 0, 0];
        var dA = new double[9];

        var value = Arrays.MinorWithGradient(a, 3, used, 0, dA);

        Assert.Equal(18, value, 12);
        Assert.Equal([0, 0, 0], used);
        Assert.Equal(Cofactors(a, 3), dA, new Tolerance(1e-12));
    }

    [Theory]
    [InlineData(0.7, 1.3, 0.1, 10)]
    [InlineData(2.0, -0.5, 0.05, 40)]
    public void Rk4Decay_IntegrationLoop_DerivativeOfRk4Itself(double k, double y0, double h, int steps)
    {
        double R(double z) => 1 - z + (z * z / 2) - (z * z * z / 6) + (z * z * z * z / 24);
        double dR(double z) => -1 + z - (z * z / 2) + (z * z * z / 6);
        Check(
            "Rk4Decay",
            p => Arrays.Rk4Decay(p, h, steps),
            p => Arrays.Rk4DecayWithGradient(p, h, steps),
            p => [p[1] * steps * Math.Pow(R(h * p[0]), steps - 1) * dR(h * p[0]) * h, Math.Pow(R(h * p[0]), steps)],
            [k, y0]);
    }

    [Fact]
    public void MixtureLogLikelihood_TwoParameterArrays_Responsibilities()
    {
        var x = Point(20, 7, -3, 3);
        const int components = 3;
        static double Phi(double d) => Math.Exp(-0.5 * d * d) / Math.Sqrt(2 * Math.PI);
        Check(
            "MixtureLogLikelihood",
            p => Arrays.MixtureLogLikelihood(p.AsSpan(0, components), p.AsSpan(components), x),
            p =>
            {
                var (value, dAlpha, dMu) = Arrays.MixtureLogLikelihoodWithGradient(p.AsSpan(0, components), p.AsSpan(components), x);
                return (value, [.. dAlpha, .. dMu]);
            },
            p =>
            {
                var gradient = new double[2 * components];
                foreach (var xi in x)
                {
                    var density = Enumerable.Range(0, components).Sum(k => p[k] * Phi(xi - p[components + k]));
                    for (var k = 0; k < components; k++)
                    {
                        var d = xi - p[components + k];
                        gradient[k] += Phi(d) / density;
                        gradient[components + k] += p[k] * Phi(d) * d / density;
                    }
                }

                return gradient;
            },
            [0.2, 0.5, 0.3, -1, 0.5, 2]);
    }

    [Fact]
    public void Product_NoZeros_ProductOverEach() =>
        Check("Product", p => Arrays.Product(p), p => Arrays.ProductWithGradient(p), p => p.Select(v => p.Aggregate(1.0, (a, b) => a * b) / v).ToArray(), Data);

    [Fact]
    public void MaxElement_NoTies_OneHotAtTheMaximum() =>
        Check("MaxElement", p => Arrays.MaxElement(p), p => Arrays.MaxElementWithGradient(p), p => p.Select(v => v == p.Max() ? 1.0 : 0).ToArray(), Data);

    [Fact]
    public void MatrixVectorNorm_StackScratch_MatchesClosedForm()
    {
        const int n = 3;
        Check(
            "MatrixVectorNorm",
            p => Arrays.MatrixVectorNorm(p.AsSpan(0, n * n), p.AsSpan(n * n)),
            p =>
            {
                var (value, da, dv) = Arrays.MatrixVectorNormWithGradient(p.AsSpan(0, n * n), p.AsSpan(n * n));
                return (value, [.. da, .. dv]);
            },
            p =>
            {
                var u = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => p[(i * n) + j] * p[(n * n) + j])).ToArray();
                var da = Enumerable.Range(0, n * n).Select(ij => 2 * u[ij / n] * p[(n * n) + (ij % n)]);
                var dv = Enumerable.Range(0, n).Select(j => Enumerable.Range(0, n).Sum(i => 2 * u[i] * p[(i * n) + j]));
                return [.. da, .. dv];
            },
            Point(21, (n * n) + n));
    }

    [Fact]
    public void CompoundElements_PlusTimesAndIncrement_EightX() =>
        Check("CompoundElements", p => Arrays.CompoundElements(p), p => Arrays.CompoundElementsWithGradient(p), p => p.Select(v => 8 * v).ToArray(), Data);

    [Fact]
    public void Gather_RepeatedIndices_GradientsAddUp()
    {
        int[] idx = [2, 0, 2, 4, 2];
        Check(
            "Gather",
            p => Arrays.Gather(p, idx),
            p => Arrays.GatherWithGradient(p, idx),
            p => p.Select((v, j) => 2 * v * idx.Count(k => k == j)).ToArray(),
            Data);
    }

    [Fact]
    public void TraceOfProduct_NestedLoops_EachGetsTheOtherTransposed()
    {
        const int n = 3;
        Check(
            "TraceOfProduct",
            p => Arrays.TraceOfProduct(p.AsSpan(0, n * n), p.AsSpan(n * n), n),
            p =>
            {
                var (value, da, db) = Arrays.TraceOfProductWithGradient(p.AsSpan(0, n * n), p.AsSpan(n * n), n);
                return (value, [.. da, .. db]);
            },
            p => [.. Enumerable.Range(0, n * n).Select(ij => p[(n * n) + ((ij % n) * n) + (ij / n)]), .. Enumerable.Range(0, n * n).Select(ji => p[((ji % n) * n) + (ji / n)])],
            Point(22, 2 * n * n));
    }

    [Fact]
    public void SumBelow_DataDependentTrips_LimitForTheElementsTaken()
    {
        double[] x = [0.5, 0.25, 0.75, 1.5, 0.1];
        Check(
            "SumBelow",
            p => Arrays.SumBelow(p.AsSpan(0, 5), p[5]),
            p =>
            {
                var (value, dx, dLimit) = Arrays.SumBelowWithGradient(p.AsSpan(0, 5), p[5]);
                return (value, [.. dx, dLimit]);
            },
            p => [p[5], p[5], p[5], 0, 0, p[0] + p[1] + p[2]], // 0.5 + 0.25 + 0.75 = 1.5 < 2; adding 1.5 would reach 3
            [.. x, 2]);
    }

    [Fact]
    public void SquaresUntilNegative_Break_StopsAtTheFirstNegative() =>
        Check("SquaresUntilNegative", p => Arrays.SquaresUntilNegative(p), p => Arrays.SquaresUntilNegativeWithGradient(p), _ => [0.6, 0, 0, 0, 0], Data);

    [Fact]
    public void SumOfSines_DoubleArrayParameter_Cosines() =>
        Check("SumOfSines", p => Arrays.SumOfSines(p), p => Arrays.SumOfSinesWithGradient(p), p => p.Select(Math.Cos).ToArray(), Data);

    [Fact]
    public void ScaledSum_ReassignedParameter_MatchesClosedForm() =>
        Check(
            "ScaledSum",
            p => Arrays.ScaledSum(p.AsSpan(0, 5), p[5]),
            p =>
            {
                var (value, dx, dScale) = Arrays.ScaledSumWithGradient(p.AsSpan(0, 5), p[5]);
                return (value, [.. dx, dScale]);
            },
            p => [.. p.Take(5).Select(_ => 4 * p[5] * p[5]), 8 * p[5] * p.Take(5).Sum()],
            [.. Data, 0.7]);

    [Fact]
    public void SumOfSigmoids_ScalarCallee_SigmoidDerivative() =>
        Check("SumOfSigmoids", p => Arrays.SumOfSigmoids(p), p => Arrays.SumOfSigmoidsWithGradient(p), p => p.Select(v => Sigma(v) * (1 - Sigma(v))).ToArray(), Data);

    [Fact]
    public void FirstAboveOne_ReturnInsideLoop_FromTheElementReturned()
    {
        Check("FirstAboveOne", p => Arrays.FirstAboveOne(p), p => Arrays.FirstAboveOneWithGradient(p), _ => [0, 0, 0, 4.2, 0], Data);
        Check("FirstAboveOne", p => Arrays.FirstAboveOne(p), p => Arrays.FirstAboveOneWithGradient(p), _ => [0, 0, 1], [0.5, -0.2, 0.9]);
    }

    [Fact]
    public void PiecewiseSum_ConditionalExpression_BranchTaken() =>
        Check("PiecewiseSum", p => Arrays.PiecewiseSum(p), p => Arrays.PiecewiseSumWithGradient(p), p => p.Select(v => v > 0 ? 2 * v : -1).ToArray(), Data);

    [Fact]
    public void SoftmaxDot_ScratchSoftmax_SoftmaxTimesDeviation()
    {
        var values = Point(23, 5, 0, 3);
        Check(
            "SoftmaxDot",
            p => Arrays.SoftmaxDot(p, values),
            p => Arrays.SoftmaxDotWithGradient(p, values),
            p =>
            {
                var s = Softmax(p);
                var mean = s.Zip(values, (a, b) => a * b).Sum();
                return s.Select((si, j) => si * (values[j] - mean)).ToArray();
            },
            Data);
    }

    [Fact]
    public void MovingWindows_ViewMovingAlongTheInput_SumsOverWindowsHoldingEach() =>
        Check(
            "MovingWindows",
            p => Arrays.MovingWindows(p),
            p => Arrays.MovingWindowsWithGradient(p),
            p => Enumerable.Range(0, p.Length).Select(j => Enumerable.Range(0, p.Length - 2).Where(i => i <= j && j < i + 3).Sum(i => 2 * (p[i] + p[i + 1] + p[i + 2]))).ToArray(),
            Point(24, 7));

    [Fact]
    public void Smoothed_Recurrence_MatchesTheRecurrenceOfItsDerivative() =>
        Check(
            "Smoothed",
            p => Arrays.Smoothed(p.AsSpan(0, 5), p[5]),
            p =>
            {
                var (value, dx, dDecay) = Arrays.SmoothedWithGradient(p.AsSpan(0, 5), p[5]);
                return (value, [.. dx, dDecay]);
            },
            p =>
            {
                var d = p[5];
                double m = p[0], dm = 0;
                for (var i = 1; i < 5; i++)
                {
                    dm = m + (d * dm) - p[i];
                    m = (d * m) + ((1 - d) * p[i]);
                }

                return [Math.Pow(d, 4), .. Enumerable.Range(1, 4).Select(i => (1 - d) * Math.Pow(d, 4 - i)), dm];
            },
            [.. Data, 0.8]);

    [Fact]
    public void ScaledExpOfChoice_ExpInsideProduct_TwiceExpOfTheElementChosen()
    {
        Check("ScaledExpOfChoice", p => Arrays.ScaledExpOfChoice(p), p => Arrays.ScaledExpOfChoiceWithGradient(p), p => [0, 2 * Math.Exp(p[1]), 0], [0.5, 0.3, -0.7]);
        Check("ScaledExpOfChoice", p => Arrays.ScaledExpOfChoice(p), p => Arrays.ScaledExpOfChoiceWithGradient(p), p => [0, 0, 2 * Math.Exp(p[2])], [-0.5, 0.3, -0.7]);
    }

    [Fact]
    public void TwiceNorm_SqrtOfCallInsideProduct_TwiceUnitVector() =>
        Check("TwiceNorm", p => Arrays.TwiceNorm(p), p => Arrays.TwiceNormWithGradient(p), p => p.Select(v => 2 * v / Math.Sqrt(p.Sum(u => u * u))).ToArray(), Data);

    [Fact]
    public void ForEachOverMovedView_BodyMovesTheLocal_EveryElementOnceAndTheSecondAgain() =>
        Check("ForEachOverMovedView", p => Arrays.ForEachOverMovedView(p), p => Arrays.ForEachOverMovedViewWithGradient(p), p => p.Select((v, i) => (2 * v) + (i == 1 ? 1 : 0)).ToArray(), Data);

    [Fact]
    public void WeightedByCounts_CountsRestoredInTheReverseSweep_WithGradientAndNodeAgree()
    {
        // At step j both counts are j: the value is the sum of (1 + j) x_j², the gradient 2 (1 + j) x_j.
        Check("WeightedByCounts", p => Arrays.WeightedByCounts(p), p => Arrays.WeightedByCountsWithGradient(p), p => p.Select((v, j) => 2 * (1 + j) * v).ToArray(), Data);
        var x = new Variable(new NDArray([0.5, -1.5, 2.0]));
        var y = Arrays.WeightedByCounts(x);
        y.Backward();
        Assert.Equal((1 * 0.25) + (2 * 2.25) + (3 * 4.0), y.Data.Item(), 12);
        Assert.Equal([1.0, -6.0, 12.0], x.Grad!.AsSpan().ToArray());
    }

    [Fact]
    public void Reallocated_NewArrayReadButNotWritten_ItsGradientStaysOutOfTheReplacedArray()
    {
        // w₀ + w₁ + 0·w₀ + w₁² (the new t[0] is zero): ∂/∂w₀ = 1, ∂/∂w₁ = 1 + 2w₁. The leak gave ∂/∂w₀ = 1 + w₀.
        Check("Reallocated", p => Arrays.Reallocated(p), p => Arrays.ReallocatedWithGradient(p), p => [1, 1 + (2 * p[1])], [0.7, -1.3], [2.5, 0.25], [-1, 3]);
    }

    private static double[] Softmax(double[] z)
    {
        var max = z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        var total = e.Sum();
        return e.Select(v => v / total).ToArray();
    }

    private static double Sigma(double z) => 1 / (1 + Math.Exp(-z));

    private static double Polynomial(double[] c, double t) => c.Select((ck, k) => ck * Math.Pow(t, k)).Sum();

    /// <summary>The cofactor matrix, det(A)·A⁻ᵀ, by Gauss-Jordan elimination with partial pivoting: an independent route.</summary>
    private static double[] Cofactors(double[] a, int n)
    {
        var m = new double[n, 2 * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                m[i, j] = a[(i * n) + j];
            }

            m[i, n + i] = 1;
        }

        var det = 1.0;
        for (var c = 0; c < n; c++)
        {
            var pivot = Enumerable.Range(c, n - c).MaxBy(r => Math.Abs(m[r, c]));
            if (pivot != c)
            {
                det = -det;
                for (var j = 0; j < 2 * n; j++)
                {
                    (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
                }
            }

            det *= m[c, c];
            var scale = m[c, c];
            for (var j = 0; j < 2 * n; j++)
            {
                m[c, j] /= scale;
            }

            for (var r = 0; r < n; r++)
            {
                if (r != c)
                {
                    var factor = m[r, c];
                    for (var j = 0; j < 2 * n; j++)
                    {
                        m[r, j] -= factor * m[c, j];
                    }
                }
            }
        }

        // cofactor(i, j) = det · (A⁻¹)(j, i)
        return Enumerable.Range(0, n * n).Select(ij => det * m[ij % n, n + (ij / n)]).ToArray();
    }

    private sealed class Tolerance(double tolerance) : System.Collections.Generic.IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x) + Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }
}
