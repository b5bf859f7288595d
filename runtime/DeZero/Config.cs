using System;
using System.Threading;

namespace DeZero;

/// <summary>Global switches (DeZero's <c>Config</c>), scoped per thread and per async flow.</summary>
public static class Config
{
    // AsyncLocal rather than a static field: a scope opened on one thread or in one async flow must not
    // switch off graph recording for unrelated work running at the same time.
    private static readonly AsyncLocal<bool> s_noGrad = new();

    /// <summary>Whether <see cref="Function.Call"/> records the graph; false inside <see cref="NoGrad"/>.</summary>
    public static bool EnableBackprop => !s_noGrad.Value;

    /// <summary>Starts a scope in which no graph is recorded (DeZero's <c>no_grad()</c>); dispose it to restore the previous setting.</summary>
    public static IDisposable NoGrad()
    {
        var scope = new Scope(s_noGrad.Value);
        s_noGrad.Value = true;
        return scope;
    }

    private sealed class Scope(bool previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                s_noGrad.Value = previous;
            }
        }
    }
}
