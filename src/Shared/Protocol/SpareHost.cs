using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

// The spare host: after a check, the build starts the next build's design host (command SpareHost.Command), which
// warms up while the developer edits and waits on a local pipe (a Unix domain socket, a Windows named pipe) that only
// the same user can open. The next build's warm start connects to it instead of starting a host beside the compiler.
// On the pipe: the request line (WarmStart.Encode), then the host's output, each line led by the stream it belongs to,
// up to the finished line (WarmStart.Finished). Compiled as source into both sides.
namespace Cognova.Protocol
{
    internal static class SpareHost
    {
        /// <summary>The host's first argument: <c>spare-host &lt;deps.json&gt; &lt;runtimeconfig.json&gt; &lt;pipe&gt; &lt;idle seconds&gt;</c>.</summary>
        public const string Command = "spare-host";

        /// <summary>Leads a line of the host's standard output on the pipe.</summary>
        public const char OutputLine = 'o';

        /// <summary>Leads a line of the host's standard error on the pipe.</summary>
        public const char ErrorLine = 'e';

        /// <summary>
        /// The pipe's name: one per user, host (<paramref name="identity"/>: the executable, command line and environment
        /// the build would start it with) and application assembly, short enough for a socket path.
        /// </summary>
        public static string PipeName(string identity, string applicationAssembly, string userName)
        {
            var key = Encoding.UTF8.GetBytes(userName + "\n" + applicationAssembly + "\n" + identity);
#if NETCOREAPP
            var hash = SHA256.HashData(key);
#else
            byte[] hash;
            using (var sha = SHA256.Create())
            {
                hash = sha.ComputeHash(key);
            }
#endif
            var name = new StringBuilder("cognova-");
            for (var i = 0; i < 12; i++)
            {
                name.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
            }

            return name.ToString();
        }
    }
}
