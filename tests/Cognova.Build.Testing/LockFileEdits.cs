using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Cognova.Build.Testing;

/// <summary>
/// Hand edits of a lock file, as a careless or hostile user makes them: rewriting one as lock file
/// version 1 (approvals outside the chain) with a changed reason, its chain recomputed so that only the
/// reason is wrong.
/// </summary>
public static class LockFileEdits
{
    public static string AsVersion1WithReason(string lockJson, string reason)
    {
        var root = JsonNode.Parse(lockJson)!.AsObject();
        root["version"] = 1;
        foreach (var (_, context) in root["contexts"]!.AsObject())
        {
            string? previous = null;
            foreach (var entry in context!["migrations"]!.AsArray())
            {
                foreach (var approval in entry!["approvals"]?.AsArray() ?? [])
                {
                    approval!["reason"] = reason;
                }

                var chain = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{previous}\n{entry["id"]}\n{entry["sql"]}")));
                entry["chain"] = chain;
                previous = chain;
            }
        }

        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
