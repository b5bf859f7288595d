using System;
using System.Linq;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>
/// A [Differentiable] method may call a generated <c>…WithGradient</c>: the derivative of its value element is the
/// callee's first derivative, that of each <c>D…</c> element the callee's second, chained through the arguments.
/// </summary>
public sealed class GradientCallTests
{
    private static readonly (double X, double Y)[] MixPoints = [(0, 0), (0.5, -0.3), (-0.8, 0.4), (1, 0.2)];

    // Price(y) = 100 (1 + y)^-n: P' = -100 n (1 + y)^(-n-1).
    private static double PriceSlope(double y, int n) => -100 * n * Math.Pow(1 + y, -n - 1);

    // Mix(x, y) = x e^(xy), E = e^(xy): Mx = E (1 + xy), My = x² E, Mxx = y E (2 + xy), Mxy = x E (2 + xy), Myy = x³ E.
    private static double M(double x, double y) => x * Math.Exp(x * y);

    private static double Mx(double x, double y) => Math.Exp(x * y) * (1 + x * y);

    private static double My(double x, double y) => x * x * Math.Exp(x * y);

    private static double Mxx(double x, double y) => y * Math.Exp(x * y) * (2 + x * y);

    private static double Mxy(double x, double y) => x * Math.Exp(x * y) * (2 + x * y);

    private static double Myy(double x, double y) => x * x * x * Math.Exp(x * y);

    // Damped(x) = e^(-rx) cos x: D' = -e^(-rx) (r cos x + sin x), D'' = e^(-rx) ((r² - 1) cos x + 2r sin x).
    private static double DampedSlope(double x, double r) => -Math.Exp(-r * x) * (r * Math.Cos(x) + Math.Sin(x));

    private static double DampedCurvature(double x, double r) => Math.Exp(-r * x) * ((r * r - 1) * Math.Cos(x) + 2 * r * Math.Sin(x));

    // Soft(x, c) = ln(1 + c x²), q = 1 + c x²: Sx = 2cx / q, Sc = x² / q, Sxx = 2c (1 - c x²) / q², Sxc = 2x / q².
    private static double Sx(double x, double c) => 2 * c * x / (1 + c * x * x);

    private static double Sc(double x, double c) => x * x / (1 + c * x * x);

    private static double Sxx(double x, double c) => 2 * c * (1 - c * x * x) / ((1 + c * x * x) * (1 + c * x * x));

    private static double Sxc(double x, double c) => 2 * x / ((1 + c * x * x) * (1 + c * x * x));

    // Ramp(t) = t³ below 1, Σ sin(kt) / k (k = 1..3) from there: R' = 3t², Σ cos(kt); R'' = 6t, -Σ k sin(kt).
    private static double RampSlope(double t) => t < 1 ? 3 * t * t : Math.Cos(t) + Math.Cos(2 * t) + Math.Cos(3 * t);

    private static double RampCurvature(double t) => t < 1 ? 6 * t : -(Math.Sin(t) + 2 * Math.Sin(2 * t) + 3 * Math.Sin(3 * t));

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(30)]
    public void Price_IntParameterCallee_MatchesClosedForm(int n) =>
        Gradients.Check1(y => GradientCalls.Price(y, n), y => GradientCalls.PriceWithGradient(y, n), y => GradientCalls.Price(y, n),
            y => PriceSlope(y, n),
            [-0.02, 0.03, 0.1]);

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(30)]
    public void Yield_NewtonOnPriceWithGradient_DerivativeIsOneOverThePriceSlope(int n)
    {
        // Newton converges to y* = (price / 100)^(-1/n) - 1, where P(y*) = price. Its tangent obeys
        // y' ← y' - ((P' y' - 1) P' - (P - price) P'' y') / P'², whose fixed point once P = price is y' = 1 / P'(y*):
        // the implicit-function derivative. Both have converged after 30 steps, to rounding (1e-15 in a forward-mode
        // simulation of this loop), so the usual 1e-11 holds.
        double[] prices = [60, 85, 100, 130];
        Gradients.Check1(p => GradientCalls.Yield(p, n), p => GradientCalls.YieldWithGradient(p, n), p => GradientCalls.Yield(p, n),
            p => 1 / PriceSlope(Math.Pow(p / 100, -1.0 / n) - 1, n),
            prices);

        // Newton has converged, else 1 / P' would not be the derivative of what the loop returns.
        foreach (var price in prices)
        {
            Gradients.AssertClose(Math.Pow(price / 100, -1.0 / n) - 1, GradientCalls.Yield(price, n), Gradients.ClosedFormTolerance,
                $"Yield({price}, {n}) vs y*");
        }
    }

    [Fact]
    public void Mix_TwoParameterCallee_MatchesClosedForm() =>
        Gradients.Check2(GradientCalls.Mix, GradientCalls.MixWithGradient, GradientCalls.Mix,
            (x, y) => (Mx(x, y), My(x, y)),
            MixPoints);

    [Fact]
    public void DescentStep_DeconstructionIntoExistingLocals_ChainsThroughTheMixedSecondPartial() =>
        // a = x - η Mx, b = y - η My (η = 0.1, partials at (x, y)); value M(a, b):
        // ∂x = Mx(a, b) (1 - η Mxx) - η My(a, b) Mxy, ∂y = -η Mx(a, b) Mxy + My(a, b) (1 - η Myy).
        Gradients.Check2(GradientCalls.DescentStep, GradientCalls.DescentStepWithGradient, GradientCalls.DescentStep,
            (x, y) =>
            {
                const double rate = 0.1;
                var (a, b) = (x - rate * Mx(x, y), y - rate * My(x, y));
                return (Mx(a, b) * (1 - rate * Mxx(x, y)) - rate * My(a, b) * Mxy(x, y),
                    -rate * Mx(a, b) * Mxy(x, y) + My(a, b) * (1 - rate * Myy(x, y)));
            },
            MixPoints);

    [Theory]
    [InlineData(0.5)]
    [InlineData(2)]
    public void Damped_NoDerivativeDoubleCallee_MatchesClosedForm(double rate) =>
        Gradients.Check1(x => GradientCalls.Damped(x, rate), x => GradientCalls.DampedWithGradient(x, rate), x => GradientCalls.Damped(x, rate),
            x => DampedSlope(x, rate),
            [-1, 0.3, 2]);

    [Theory]
    [InlineData(0.5)]
    [InlineData(2)]
    public void Oscillation_ValueDiscarded_MatchesClosedForm(double rate) =>
        // D'(x)²: 2 D' D''.
        Gradients.Check1(x => GradientCalls.Oscillation(x, rate), x => GradientCalls.OscillationWithGradient(x, rate), x => GradientCalls.Oscillation(x, rate),
            x => 2 * DampedSlope(x, rate) * DampedCurvature(x, rate),
            [-1, 0.3, 2]);

    [Fact]
    public void Leverage_ElementReadInline_MatchesClosedForm() =>
        // Mx(x, ½) x = e^(x/2) (x + x²/2): e^(x/2) (1 + 3x/2 + x²/4), i.e. Mxx(x, ½) x + Mx(x, ½).
        Gradients.Check1(GradientCalls.Leverage, GradientCalls.LeverageWithGradient, GradientCalls.Leverage,
            x => Math.Exp(x / 2) * (1 + 1.5 * x + x * x / 4),
            [-2, 0, 0.7, 1.5]);

    [Fact]
    public void Swapped_TupleLocalReadByName_MatchesClosedForm() =>
        // M Mx + My, every partial at (y, x): x is Mix's second argument, y its first.
        // ∂x = My Mx + M Mxy + Myy, ∂y = Mx Mx + M Mxx + Mxy.
        Gradients.Check2(GradientCalls.Swapped, GradientCalls.SwappedWithGradient, GradientCalls.Swapped,
            (x, y) => (My(y, x) * Mx(y, x) + M(y, x) * Mxy(y, x) + Myy(y, x),
                Mx(y, x) * Mx(y, x) + M(y, x) * Mxx(y, x) + Mxy(y, x)),
            [(0, 0), (0.3, 0.9), (-1, 0.5), (1.2, -0.4)]);

    [Fact]
    public void Soft_DefaultDoubleParameter_MatchesClosedForm() =>
        Gradients.Check2(GradientCalls.Soft, GradientCalls.SoftWithGradient, GradientCalls.Soft,
            (x, c) => (Sx(x, c), Sc(x, c)),
            [(0, 0.5), (1.5, 0.5), (-2, 0.25), (0.7, 2)]);

    [Fact]
    public void SoftSensitivity_CalleeDefaultLeftOut_MatchesClosedForm() =>
        // S + Sx Sc at c = ½, c a constant here: Sx + Sxx Sc + Sx Sxc.
        Gradients.Check1(GradientCalls.SoftSensitivity, GradientCalls.SoftSensitivityWithGradient, GradientCalls.SoftSensitivity,
            x => Sx(x, 0.5) + Sxx(x, 0.5) * Sc(x, 0.5) + Sx(x, 0.5) * Sxc(x, 0.5),
            [-2, 0, 0.7, 1.5]);

    [Fact]
    public void Ramp_BranchAndLoop_MatchesClosedForm() =>
        Gradients.Check1(GradientCallees.Ramp, GradientCallees.RampWithGradient, GradientCallees.Ramp,
            RampSlope,
            [-1, 0.5, 1.5, 3]);

    [Fact]
    public void Ramped_CalleeInAnotherClass_MatchesClosedForm() =>
        // R(2x) + x R'(2x): 2 R'(2x) + R'(2x) + 2x R''(2x) (60x² below x = ½).
        Gradients.Check1(GradientCalls.Ramped, GradientCalls.RampedWithGradient, GradientCalls.Ramped,
            x => 3 * RampSlope(2 * x) + 2 * x * RampCurvature(2 * x),
            [-1, 0.25, 0.75, 1.5]);

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    public void SquaredYields_MethodOfArrays_EachPartialIsTwiceTheYieldOverThePriceSlope(int n)
    {
        // Σₖ y*(pₖ)², y*(p) = (p / 100)^(-1/n) - 1 with dy*/dp = 1 / P'(y*): ∂/∂pₖ = 2 y*(pₖ) / P'(y*(pₖ)).
        static double Converged(double price, int n) => Math.Pow(price / 100, -1.0 / n) - 1;
        ArrayGradients.Check(
            $"SquaredYields(·, {n})",
            prices => GradientCalls.SquaredYields(prices, n),
            prices =>
            {
                var gradient = new double[prices.Length];
                return (GradientCalls.SquaredYieldsWithGradient(prices, n, gradient), gradient);
            },
            prices => [.. prices.Select(p => 2 * Converged(p, n) / PriceSlope(Converged(p, n), n))],
            [85, 90, 97, 104],
            [100],
            [70, 130]);
    }

    [Fact]
    public void ChainedSlopes_MethodOfArrays_MatchesClosedForm()
    {
        // Σᵢ M·Mx + My at (xᵢ, xᵢ₊₁): ∂/∂xᵢ += Mx² + M·Mxx + Mxy, ∂/∂xᵢ₊₁ += My·Mx + M·Mxy + Myy.
        static double[] Closed(double[] x)
        {
            var gradient = new double[x.Length];
            for (var i = 0; i + 1 < x.Length; i++)
            {
                var (u, v) = (x[i], x[i + 1]);
                gradient[i] += (Mx(u, v) * Mx(u, v)) + (M(u, v) * Mxx(u, v)) + Mxy(u, v);
                gradient[i + 1] += (My(u, v) * Mx(u, v)) + (M(u, v) * Mxy(u, v)) + Myy(u, v);
            }

            return gradient;
        }

        ArrayGradients.Check(
            "ChainedSlopes",
            x => GradientCalls.ChainedSlopes(x),
            x =>
            {
                var gradient = new double[x.Length];
                return (GradientCalls.ChainedSlopesWithGradient(x, gradient), gradient);
            },
            Closed,
            [0.3, -0.5, 0.8, 1.1, -0.2],
            ArrayGradients.Point(7, 12),
            [0.5]);
    }

    [Fact]
    public void Yield_SecondOrderThroughTheGraph_ThrowsNamingTheMethodAndWhy()
    {
        // Its node's derivative is Price's second derivative; differentiating that again would take the third.
        var price = new Variable(90.0);
        var error = Assert.Throws<NotSupportedException>(() => GradientCalls.Yield(price, 5).Backward(createGraph: true));
        Assert.Contains("DeZero.IntegrationTests.Functions.GradientCalls.Yield", error.Message, StringComparison.Ordinal);
        Assert.Contains("first order", error.Message, StringComparison.Ordinal);
        Assert.Contains("a call to a generated …WithGradient", error.Message, StringComparison.Ordinal);

        // Without createGraph it is the first-order node it always was.
        price.ClearGrad();
        GradientCalls.Yield(price, 5).Backward();
        Gradients.AssertClose(GradientCalls.YieldWithGradient(90.0, 5).DPrice, price.Grad!.Item(), Gradients.GraphTolerance, "first derivative");
    }
}
