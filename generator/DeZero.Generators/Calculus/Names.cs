using System.Collections.Generic;
using DeZero.Generators.Model;

namespace DeZero.Generators.Calculus;

/// <summary>Hands out names for temporaries and tangents that no user identifier already has.</summary>
internal sealed class Names
{
    private readonly HashSet<string> _used = [];
    private readonly List<string> _given = [];
    private int _temporaries;

    public Names(MethodSpec method)
    {
        // The generated method's own names are reserved too.
        _used.Add(method.Name);
        foreach (var parameter in method.Parameters)
        {
            _used.Add(parameter.Name);
        }

        foreach (var statement in Nesting.All(method.Body))
        {
            Reserve(statement);
        }
    }

    /// <summary>Keeps a name from being handed out: one the generated code gives a meaning of its own.</summary>
    public void Reserve(string name) => _used.Add(name);

    /// <summary>How many names have been handed out so far, to hand them out again after a trial run (<see cref="Rewind"/>).</summary>
    public int Mark => _given.Count;

    /// <summary>Takes back every name handed out since <paramref name="mark"/>.</summary>
    public void Rewind(int mark)
    {
        for (var i = _given.Count - 1; i >= mark; i--)
        {
            _used.Remove(_given[i]);
            _given.RemoveAt(i);
        }

        _temporaries = 0;
    }

    public string Fresh(string stem)
    {
        if (_used.Add(stem))
        {
            _given.Add(stem);
            return stem;
        }

        for (var i = 1; ; i++)
        {
            var candidate = stem + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_used.Add(candidate))
            {
                _given.Add(candidate);
                return candidate;
            }
        }
    }

    /// <summary>The next free temporary: t1, t2, …</summary>
    public string Temporary()
    {
        while (true)
        {
            var candidate = "t" + (++_temporaries).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_used.Add(candidate))
            {
                _given.Add(candidate);
                return candidate;
            }
        }
    }

    private void Reserve(Stmt statement)
    {
        switch (statement)
        {
            case Declare declare:
                _used.Add(declare.Name);
                break;
            case CallWithGradient call:
                foreach (var partial in call.Partials)
                {
                    _used.Add(partial.Name ?? call.Value);
                }

                _used.Add(call.Value);
                break;
            case LocalFunction local:
                _used.Add(local.Name);
                _used.Add(local.Gradient ?? local.Name);
                _used.Add(local.Hessian ?? local.Name);
                break;
        }
    }
}
