using System;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>With Vectorize, straight-line bodies of arithmetic, Exp, Log, Sqrt, Sin and Cos run on SIMD lanes in their graph nodes.</summary>
public static partial class Lanes
{
    [Differentiable(Vectorize = true)]
    public static double Seed(double x)
    {
        double a = x * x;
        double b = Math.Exp(a);
        return b * b;
    }

    [Differentiable(Vectorize = true)]
    public static double Waves(double x, double y)
    {
        double r = Math.Sqrt(x * x + y * y + 1.0);
        double s = Math.Sin(x) * Math.Exp(-0.5 * y * y);
        double t = Math.Log(1.0 + x * x) * Math.Cos(y);
        return s + t + Math.Cos(r) / r * s + 0.25 * t * t;
    }

    [Differentiable(Vectorize = true)]
    public static double Rosenbrock(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
}

/// <summary>The same seed function without Vectorize: its node is bit for bit the scalar path.</summary>
public static partial class Scalars
{
    [Differentiable]
    public static double Seed(double x)
    {
        double a = x * x;
        double b = Math.Exp(a);
        return b * b;
    }
}

public sealed class VectorisedKernelTests
{
    // Each vector function is within 2 ulp of System.Math (tested below); through a body those differences
    // grow as any reordering of floating-point work would, so whole kernels are compared relatively.
    private const long MaxUlpsPerFunction = 4;
    private const double RelativeTolerance = 1e-13;

    public static TheoryData<string> LaneFunctions => ["Exp", "Log", "Sqrt", "Sin", "Cos"];

    [Theory]
    [MemberData(nameof(LaneFunctions))]
    public void LaneFunction_AgreesWithSystemMathWithin4Ulp(string name)
    {
        var random = new Random(20261127);
        for (var k = 0; k < 20000; k++)
        {
            var x = name is "Log" or "Sqrt" ? random.NextDouble() * 100 : (random.NextDouble() * 60) - 30;
            var v = System.Runtime.Intrinsics.Vector256.Create(x);
            var (lane, scalar) = name switch
            {
                "Exp" => (System.Runtime.Intrinsics.Vector256.Exp(v)[0], Math.Exp(x)),
                "Log" => (System.Runtime.Intrinsics.Vector256.Log(v)[0], Math.Log(x)),
                "Sqrt" => (System.Runtime.Intrinsics.Vector256.Sqrt(v)[0], Math.Sqrt(x)),
                "Sin" => (System.Runtime.Intrinsics.Vector256.Sin(v)[0], Math.Sin(x)),
                _ => (System.Runtime.Intrinsics.Vector256.Cos(v)[0], Math.Cos(x)),
            };
            var ulps = Math.Abs(BitConverter.DoubleToInt64Bits(lane) - BitConverter.DoubleToInt64Bits(scalar));
            Assert.True(ulps <= MaxUlpsPerFunction, $"{name}({x:R}): {lane:R} vs {scalar:R}, {ulps} ulp");
        }
    }

    [Fact]
    public void Seed_WithoutVectorize_IsBitIdenticalToScalarPath()
    {
        var xs = Points(1001, -1.2, 1.2);
        var x = new Variable(new NDArray(xs));
        var y = Scalars.Seed(x);
        y.Backward();
        for (var i = 0; i < xs.Length; i++)
        {
            var (value, dx) = Scalars.SeedWithGradient(xs[i]);
            Assert.Equal(value, y.Data[i]);
            Assert.Equal(dx, x.Grad![i]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(1001)]
    public void Seed_ArrayNode_AgreesWithScalarPath(int n)
    {
        var xs = Points(n, -1.2, 1.2);
        var x = new Variable(new NDArray(xs));
        var y = Lanes.Seed(x);
        y.Backward();
        for (var i = 0; i < n; i++)
        {
            var (value, dx) = Lanes.SeedWithGradient(xs[i]);
            AssertClose(value, y.Data[i]);
            AssertClose(dx, x.Grad![i]);
        }
    }

    [Fact]
    public void Waves_TwoArrays_AgreeWithScalarPath()
    {
        var xs = Points(999, -3, 3);
        var ys = Points(999, 2.5, -2.5);
        var x = new Variable(new NDArray(xs));
        var y = new Variable(new NDArray(ys));
        var z = Lanes.Waves(x, y);
        z.Backward();
        for (var i = 0; i < xs.Length; i++)
        {
            var (value, dx, dy) = Lanes.WavesWithGradient(xs[i], ys[i]);
            AssertClose(value, z.Data[i]);
            AssertClose(dx, x.Grad![i]);
            AssertClose(dy, y.Grad![i]);
        }
    }

    [Fact]
    public void Waves_ZeroDimensionalInput_BroadcastsAndSumsItsGradient()
    {
        var xs = Points(37, -2, 2);
        var x = new Variable(new NDArray(xs));
        var y = new Variable(0.75);
        var z = Lanes.Waves(x, y);
        z.Backward();
        var expected = 0.0;
        for (var i = 0; i < xs.Length; i++)
        {
            var (value, dx, dy) = Lanes.WavesWithGradient(xs[i], 0.75);
            AssertClose(value, z.Data[i]);
            AssertClose(dx, x.Grad![i]);
            expected += dy;
        }

        Assert.Equal(0, y.Grad!.Rank);
        Assert.Equal(expected, y.Grad.Item(), 1e-12);
    }

    [Fact]
    public void Rosenbrock_ArithmeticOnly_IsBitIdenticalToScalarPath()
    {
        var xs = Points(64, -2, 2);
        var ys = Points(64, 3, -1);
        var x = new Variable(new NDArray(xs));
        var y = new Variable(new NDArray(ys));
        Lanes.Rosenbrock(x, y).Backward();
        for (var i = 0; i < xs.Length; i++)
        {
            var (_, dx, dy) = Lanes.RosenbrockWithGradient(xs[i], ys[i]);
            Assert.Equal(dx, x.Grad![i]);
            Assert.Equal(dy, y.Grad![i]);
        }
    }

    [Fact]
    public void Seed_NaNAndInfinity_PropagateThroughLanes()
    {
        var x = new Variable(new NDArray([double.NaN, 1.0, double.PositiveInfinity, 30.0]));
        var y = Lanes.Seed(x);
        y.Backward();
        Assert.True(double.IsNaN(y.Data[0]) && double.IsNaN(x.Grad![0]));
        Assert.True(double.IsPositiveInfinity(y.Data[2]) && double.IsPositiveInfinity(x.Grad![2]));
        Assert.True(double.IsPositiveInfinity(y.Data[3])); // exp(900)² overflows, as in the scalar path
        Assert.Equal(Lanes.SeedWithGradient(1.0).DX, x.Grad[1], 1e-12);
    }

    private static double[] Points(int n, double from, double to)
    {
        var points = new double[n];
        for (var i = 0; i < n; i++)
        {
            points[i] = n == 1 ? from : from + ((to - from) * i / (n - 1));
        }

        return points;
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(
            Math.Abs(expected - actual) <= RelativeTolerance * Math.Max(Math.Abs(expected), 1.0),
            $"expected {expected:R}, got {actual:R}");
}
