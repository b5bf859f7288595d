using System;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>Branches contribute the derivative of the branch taken; calls chain through generated gradients.</summary>
public sealed class ControlFlowTests
{
    [Fact]
    public void Relu_EitherSide_OneOrZero() =>
        Gradients.Check1(Branches.Relu, Branches.ReluWithGradient, Branches.Relu,
            x => x > 0 ? 1 : 0,
            [-2, -0.1, 0.1, 3]);

    [Fact]
    public void Piecewise_EveryBranch_MatchesClosedForm() =>
        // x < 0: -xy.  0 <= x < 1 and y > 0: x²y.  Otherwise t = x + y, doubled when t <= 3 or y < -1, times x.
        Gradients.Check2(Branches.Piecewise, Branches.PiecewiseWithGradient, Branches.Piecewise,
            (x, y) =>
            {
                if (x < 0) return (-y, -x);
                if (x < 1 && y > 0) return (2 * x * y, x * x);
                var doubled = !(x + y > 3) || y < -1;
                return doubled ? (2 * (2 * x + y), 2 * x) : (2 * x + y, x);
            },
            [(-1, 2), (-0.5, -3), (0.5, 2), (0.2, 0.1), (2, 0.5), (2, 3), (0.5, -2), (3, -1.5), (5, -1.5), (4, 0.5)]);

    [Fact]
    public void NestedConditional_EveryArm_MatchesClosedForm() =>
        Gradients.Check2(Branches.NestedConditional, Branches.NestedConditionalWithGradient, Branches.NestedConditional,
            (x, y) => x > y
                ? (x > 0 ? (y, x) : (0.0, 1.0))
                : (y > 2 || x < -1 ? (Math.Cos(x), 0.0) : (1.0, 1.0)),
            [(2, 1), (-0.5, -1), (1, 3), (-2, 1), (0.5, 1)]);

    [Fact]
    public void EarlyReturn_BothExitsAndTheInnerIf_MatchesClosedForm() =>
        // x² > 4: f = x².  Else f = |x³| + x²: 3x²·sign(x) + 2x.
        Gradients.Check1(Branches.EarlyReturn, Branches.EarlyReturnWithGradient, Branches.EarlyReturn,
            x => x * x > 4 ? 2 * x : x < 0 ? -3 * x * x + 2 * x : 3 * x * x + 2 * x,
            [-3, 3, -1, -0.5, 0.5, 1.5]);

    [Fact]
    public void BoolLocal_AndAndNot_MatchesClosedForm() =>
        // big = x > 1 && y >= 0: xy, else x - y.
        Gradients.Check2(Branches.BoolLocal, Branches.BoolLocalWithGradient, Branches.BoolLocal,
            (x, y) => x > 1 && !(y < 0) ? (y, x) : (1.0, -1.0),
            [(2, 1), (2, -1), (0.5, 1), (3, 0.5)]);

    [Fact]
    public void BoolCompound_AndOrXorAssignments_CompileAndMatchClosedForm() =>
        // b = 0 < x < 3: x².  Else odd = b ^ (x < -1 || x > 2) = x < -1 || x > 2: 3x there, -x on [-1, 0].
        Gradients.Check1(Branches.BoolCompound, Branches.BoolCompoundWithGradient, Branches.BoolCompound,
            x => x > 0 && x < 3 ? 2 * x : x < -1 || x > 2 ? 3 : -1,
            [-2, -0.5, 0.5, 2.5, 3.5, 4]);

    private static (double DX, double DY) RosenbrockGradient(double x, double y) =>
        (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x));

    [Fact]
    public void SumOfOthers_CallsTwoMethodsOfAnotherClass_MatchesClosedForm() =>
        // x² + 2 R(x, y): (2x + 2 R_x, 2 R_y).
        Gradients.Check2(Calls.SumOfOthers, Calls.SumOfOthersWithGradient, Calls.SumOfOthers,
            (x, y) => (2 * x + 2 * RosenbrockGradient(x, y).DX, 2 * RosenbrockGradient(x, y).DY),
            [(0, 0), (1, 1), (-1.2, 1), (0.5, -0.3)]);

    [Fact]
    public void Composed_ArgumentsAreExpressions_ChainRule() =>
        // R(a, b) with a = xy, b = sin x: ∂x = R_a·y + R_b·cos x, ∂y = R_a·x.
        Gradients.Check2(Calls.Composed, Calls.ComposedWithGradient, Calls.Composed,
            (x, y) =>
            {
                var (ra, rb) = RosenbrockGradient(x * y, Math.Sin(x));
                return (ra * y + rb * Math.Cos(x), ra * x);
            },
            [(0, 0), (1, 1), (-0.7, 0.4), (1.3, -0.9)]);

    [Fact]
    public void Nested_CallInsideCall_FourthPower() =>
        // ((x + y)²)² = (x + y)⁴: both partials 4(x + y)³.
        Gradients.Check2(Calls.Nested, Calls.NestedWithGradient, Calls.Nested,
            (x, y) => (4 * Math.Pow(x + y, 3), 4 * Math.Pow(x + y, 3)),
            [(0, 0), (1, 1), (-0.5, 0.25), (2, -3)]);

    [Fact]
    public void WithIntArgument_IntPassedToCallee_MatchesClosedForm() =>
        // IntParameter(x, 3) = x²·16/3: 32x/3.
        Gradients.Check1(Calls.WithIntArgument, Calls.WithIntArgumentWithGradient, Calls.WithIntArgument,
            x => 32 * x / 3,
            [-1, 0, 0.5, 2]);
}
