import type { CDPSession, Page } from 'playwright-core';

/**
 * Finding UI by role and accessible name through Chromium's accessibility tree. Playwright's own
 * locators do not enter closed shadow roots, and Glance's in-page UI lives in closed ones (page
 * scripts must not reach it); the accessibility tree, like a screen reader, sees it all.
 */
export interface AxNode {
  backendNodeId: number;
  name: string;
  role: string;
}

interface RawAxNode {
  ignored: boolean;
  backendDOMNodeId?: number;
  role?: { value?: string };
  name?: { value?: string };
}

/** Accessibility queries on one page (and its same-process frames). */
export class Ax {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async of(page: Page): Promise<Ax> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    return new Ax(page, cdp);
  }

  /** Roots to search: the document and the documents of its (same-process) iframes. */
  private async roots(): Promise<number[]> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const roots: number[] = [];
    const walk = (node: {
      backendNodeId: number;
      nodeName: string;
      contentDocument?: unknown;
      children?: unknown[];
      shadowRoots?: unknown[];
    }) => {
      if (node.nodeName === '#document') roots.push(node.backendNodeId);
      for (const child of [node.contentDocument, ...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        if (child) walk(child as typeof node);
      }
    };
    walk(root as unknown as Parameters<typeof walk>[0]);
    return roots;
  }

  /** Every node with this role and exact accessible name. */
  async all(role: string, name: string): Promise<AxNode[]> {
    const found: AxNode[] = [];
    for (const backendNodeId of await this.roots()) {
      const { nodes } = (await this.cdp.send('Accessibility.queryAXTree', {
        backendNodeId,
        role,
        accessibleName: name,
      })) as unknown as {
        nodes: RawAxNode[];
      };
      for (const node of nodes) {
        if (node.ignored || node.backendDOMNodeId === undefined) continue;
        if (found.some((f) => f.backendNodeId === node.backendDOMNodeId)) continue;
        found.push({ backendNodeId: node.backendDOMNodeId, name: node.name?.value ?? '', role: node.role?.value ?? '' });
      }
    }
    return found;
  }

  /** Waits until exactly one such node exists, and returns it. */
  async find(role: string, name: string, timeoutMs = 10_000): Promise<AxNode> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const nodes = await this.all(role, name);
      if (nodes.length === 1) return nodes[0]!;
      if (Date.now() > deadline) throw new Error(`expected one ${role} "${name}", found ${nodes.length}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits until no such node exists. */
  async gone(role: string, name: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.all(role, name)).length > 0) {
      if (Date.now() > deadline) throw new Error(`${role} "${name}" is still there`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The node's border box in the page's viewport (CSS pixels). */
  async box(node: AxNode): Promise<{ x: number; y: number; width: number; height: number }> {
    const { model } = await this.cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId });
    const [x1, y1, , , x3, y3] = model.border;
    return { x: x1!, y: y1!, width: x3! - x1!, height: y3! - y1! };
  }

  /**
   * Clicks the middle of the node with the mouse, as a person would: once it has stopped moving
   * (the selection toolbar grows and steps off the page's controls just after it appears).
   */
  async click(node: AxNode): Promise<void> {
    let box = await this.box(node);
    for (let tries = 0; tries < 20; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const next = await this.box(node);
      const still = next.x === box.x && next.y === box.y && next.width === box.width && next.height === box.height;
      box = next;
      if (still) break;
    }
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Runs `fn` on the DOM node (`this`); its result must be JSON-serializable. */
  async call<T>(node: AxNode, fn: string): Promise<T> {
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: node.backendNodeId });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn,
      returnByValue: true,
    });
    return result.value as T;
  }

  /** The node's text content. */
  text(node: AxNode): Promise<string> {
    return this.call<string>(node, 'function () { return this.textContent; }');
  }

  /** A computed style property of the node. */
  style(node: AxNode, property: string): Promise<string> {
    return this.call<string>(
      node,
      `function () { return getComputedStyle(this).getPropertyValue(${JSON.stringify(property)}); }`,
    );
  }
}
