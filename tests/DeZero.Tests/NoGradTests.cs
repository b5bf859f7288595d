using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace DeZero.Tests;

// Config.NoGrad: no graph inside the scope; scopes nest; threads and async flows do not see each other's scope.
public sealed class NoGradTests
{
    [Fact]
    public void Call_InsideNoGrad_RecordsNoCreator()
    {
        var x = new Variable(2.0);
        Variable y;
        using (Config.NoGrad())
        {
            y = Functions.Square(x);
        }

        Assert.Equal(4.0, y.Data.Item());
        Assert.Null(y.Creator);
        Assert.Equal(0, y.Generation);
    }

    [Fact]
    public void Backward_OnOutputMadeInsideNoGrad_LeavesTheInputWithoutGradient()
    {
        var x = new Variable(2.0);
        Variable y;
        using (Config.NoGrad())
        {
            y = Functions.Square(x);
        }

        y.Backward();

        Assert.Null(x.Grad);
        Assert.Equal(1.0, y.Grad!.Item());
    }

    [Fact]
    public void NoGrad_Nested_RestoresThePreviousSettingOnEachDispose()
    {
        Assert.True(Config.EnableBackprop);
        using (Config.NoGrad())
        {
            Assert.False(Config.EnableBackprop);
            using (Config.NoGrad())
            {
                Assert.False(Config.EnableBackprop);
            }

            Assert.False(Config.EnableBackprop);
        }

        Assert.True(Config.EnableBackprop);
    }

    [Fact]
    public void NoGrad_DisposedTwice_DoesNotReenableAnOuterScope()
    {
        using (Config.NoGrad())
        {
            var inner = Config.NoGrad();
            inner.Dispose();
            inner.Dispose();
            Assert.False(Config.EnableBackprop);
        }

        Assert.True(Config.EnableBackprop);
    }

    [Fact]
    public void NoGrad_OnOneThread_DoesNotAffectAnother()
    {
        using var entered = new ManualResetEventSlim();
        using var checkedOther = new ManualResetEventSlim();
        bool? insideScope = null;
        bool? otherThread = null;
        Variable? otherOutput = null;

        var scoped = new Thread(() =>
        {
            using (Config.NoGrad())
            {
                entered.Set();
                checkedOther.Wait();
                insideScope = Config.EnableBackprop;
            }
        });
        var other = new Thread(() =>
        {
            entered.Wait();
            otherThread = Config.EnableBackprop;
            otherOutput = Functions.Square(new Variable(3.0));
            checkedOther.Set();
        });

        scoped.Start();
        other.Start();
        scoped.Join();
        other.Join();

        Assert.False(insideScope);
        Assert.True(otherThread);
        Assert.NotNull(otherOutput!.Creator);
    }

    [Fact]
    public async Task NoGrad_InsideAnotherAsyncFlow_DoesNotLeakOut()
    {
        await Task.Run(async () =>
        {
            using (Config.NoGrad())
            {
                await Task.Yield();
                Assert.False(Config.EnableBackprop);
            }
        });

        Assert.True(Config.EnableBackprop);
    }

    [Fact]
    public async Task NoGrad_AcrossAnAwait_StaysInForceInTheSameFlow()
    {
        using (Config.NoGrad())
        {
            await Task.Yield();
            Assert.False(Config.EnableBackprop);
            Assert.Null(Functions.Exp(new Variable(0.0)).Creator);
        }

        Assert.True(Config.EnableBackprop);
    }
}
