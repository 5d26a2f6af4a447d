// The URLs `npm start` derives from the port variables (scripts/run/addresses.ts); the launcher test
// runs one real start with non-default ports.
import { describe, expect, it } from "vitest";
import { launcherAddresses } from "../../scripts/run/addresses";

describe("npm start addresses", () => {
  it("defaults to 3000, 8000 and 8080 on localhost", () => {
    expect(launcherAddresses({})).toEqual({
      webPort: "3000",
      apiPort: "8000",
      mcpPort: "8080",
      apiUrl: "http://127.0.0.1:8000",
      mcpUrl: "http://127.0.0.1:8080/mcp",
      publicUrl: "http://localhost:3000",
      mcpPublicUrl: "http://localhost:8080/mcp",
    });
  });

  it("moves every URL with WEB_PORT, API_PORT and MCP_PORT", () => {
    const addresses = launcherAddresses({ WEB_PORT: "4000", API_PORT: "4100", MCP_PORT: "4200" });
    expect(addresses.publicUrl).toBe("http://localhost:4000");
    expect(addresses.apiUrl).toBe("http://127.0.0.1:4100");
    expect(addresses.mcpUrl).toBe("http://127.0.0.1:4200/mcp");
    expect(addresses.mcpPublicUrl).toBe("http://localhost:4200/mcp");
  });

  it("keeps URLs that are set explicitly (empty counts as unset)", () => {
    const addresses = launcherAddresses({
      WEB_PORT: "4000",
      MCP_PORT: "4200",
      BETTER_AUTH_URL: "https://tasks.example.com",
      MCP_PUBLIC_URL: "https://tasks.example.com/mcp",
      API_URL: "",
    });
    expect(addresses.publicUrl).toBe("https://tasks.example.com");
    expect(addresses.mcpPublicUrl).toBe("https://tasks.example.com/mcp");
    expect(addresses.apiUrl).toBe("http://127.0.0.1:8000");
  });
});
