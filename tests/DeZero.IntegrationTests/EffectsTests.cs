using System;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>Assignments inside expressions, in C#'s order of evaluation, differentiated exactly.</summary>
public sealed class EffectsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(-2)]
    public void CountDown_WhileNMinusMinus_RunsNTimes(int n) =>
        Gradients.Check1(x => Effects.CountDown(x, n), x => Effects.CountDownWithGradient(x, n), v => Effects.CountDown(v, n),
            _ => Math.Max(n, 0),
            [-1.5, 0.3, 2]);

    [Fact]
    public void PrefixInReturn_PlusPlusI_ThreeX() =>
        Gradients.Check1(Effects.PrefixInReturn, Effects.PrefixInReturnWithGradient, Effects.PrefixInReturn, _ => 3, [-1, 0.5, 4]);

    [Fact]
    public void AssignThenRead_XAssignedFirst_Constant() =>
        Gradients.Check1(Effects.AssignThenRead, Effects.AssignThenReadWithGradient, Effects.AssignThenRead, _ => 0, [-1, 0.5, 4]);

    [Fact]
    public void AssignThenRead_Value_IsSix()
    {
        Assert.Equal(6, Effects.AssignThenReadWithGradient(-7).Value);
    }

    [Fact]
    public void ReadThenAssign_OldXReadFirst_TwoX() =>
        Gradients.Check1(Effects.ReadThenAssign, Effects.ReadThenAssignWithGradient, Effects.ReadThenAssign, _ => 2, [-1, 0.5, 4]);

    [Fact]
    public void AssignInBranches_OnlyTheBranchTakenAssigns_MatchesClosedForm() =>
        // x > y: r = a = xy, b = 1: f = 2xy + 1. Otherwise r = b = 1 + sin x, a = 0: f = 2(1 + sin x).
        Gradients.Check2(Effects.AssignInBranches, Effects.AssignInBranchesWithGradient, Effects.AssignInBranches,
            (x, y) => x > y ? (2 * y, 2 * x) : (2 * Math.Cos(x), 0),
            [(2, 1), (0.5, 3), (-1, -2), (0.2, 0.9)]);

    [Fact]
    public void ShortCircuit_SecondAssignmentOnlyWhenFirstIsNonZero_MatchesClosedForm() =>
        // x ≠ 1 and x - 1 + y² ≠ 0: f = (x - 1 + y²)·x; otherwise f = r + y with r as far as it got.
        Gradients.Check2(Effects.ShortCircuit, Effects.ShortCircuitWithGradient, Effects.ShortCircuit,
            (x, y) => ((2 * x) - 1 + (y * y), 2 * y * x),
            [(2, 1), (0.5, 3), (-1, -2), (3, 0.25)]);

    [Fact]
    public void ShortCircuit_FirstOperandZero_SkipsTheSecondAssignment()
    {
        // x = 1: r = 0, the && stops, f = 0 + y.
        var (value, dx, dy) = Effects.ShortCircuitWithGradient(1, 3);
        Assert.Equal((3.0, 1.0, 1.0), (value, dx, dy));
    }

    [Fact]
    public void PostfixOnDouble_OldValueTimesNew_MatchesClosedForm() =>
        // x(x + 1): 2x + 1.
        Gradients.Check1(Effects.PostfixOnDouble, Effects.PostfixOnDoubleWithGradient, Effects.PostfixOnDouble, x => (2 * x) + 1, [-1, 0.5, 4]);

    [Fact]
    public void CompoundAsValue_ValueOfPlusEquals_MatchesClosedForm() =>
        // 2(1 + x)²: 4(1 + x).
        Gradients.Check1(Effects.CompoundAsValue, Effects.CompoundAsValueWithGradient, Effects.CompoundAsValue, x => 4 * (1 + x), [-1, 0.5, 4]);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(9, 3)]
    public void ConditionAssigns_KHalvedInTheCondition_XToTheTrips(int k, int trips) =>
        Gradients.Check1(x => Effects.ConditionAssigns(x, k), x => Effects.ConditionAssignsWithGradient(x, k), v => Effects.ConditionAssigns(v, k),
            x => trips * Math.Pow(x, trips - 1),
            [-1.5, 0.5, 2]);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 3)] // n = 3 is skipped by continue, whose jump still runs the condition's decrement
    [InlineData(0, 1)]
    public void DoConditionDecrements_ContinueStillDecrements_CountsTrips(int n, int terms) =>
        Gradients.Check1(x => Effects.DoConditionDecrements(x, n), x => Effects.DoConditionDecrementsWithGradient(x, n), v => Effects.DoConditionDecrements(v, n),
            x => terms * Math.Exp(x),
            [-1, 0.5, 2]);
}
