import type OpenAI from 'openai';
import { toFile } from 'openai';
import type { Segment } from '@/utils/transcribe/transcript/segments';

/** How the pieces of a file are asked for. */
export interface PieceSpec {
  model: string;
  language?: string;
}

/** whisper-1 answers verbose_json with timed segments; the gpt-4o transcribe models only json. */
export function answersSegments(model: string): boolean {
  return /whisper/i.test(model);
}

/** One piece's transcript: its segments (from the piece's start), and the seconds billed when said. */
export interface PieceResult {
  segments: Segment[];
  billedSeconds?: number;
}

interface VerboseAnswer {
  text?: string;
  segments?: { start: number; end: number; text: string }[];
  usage?: { type?: string; seconds?: number };
}

/**
 * Transcribes one piece through the SDK: verbose_json where the model gives segments with times,
 * else json, whose text becomes one segment spanning the piece. Throws what the SDK throws.
 */
export async function transcribePiece(
  client: OpenAI,
  spec: PieceSpec,
  audio: { blob: Blob; fileName: string },
  pieceSeconds: number,
  signal: AbortSignal,
): Promise<PieceResult> {
  const file = await toFile(audio.blob, audio.fileName, { type: audio.blob.type || 'application/octet-stream' });
  const base = { file, model: spec.model, ...(spec.language ? { language: spec.language } : {}) };
  const verbose = answersSegments(spec.model);
  const answer = (await client.audio.transcriptions.create(
    verbose
      ? { ...base, response_format: 'verbose_json', timestamp_granularities: ['segment'] }
      : { ...base, response_format: 'json' },
    { signal },
  )) as VerboseAnswer;
  const billedSeconds = answer.usage?.type === 'duration' ? answer.usage.seconds : undefined;
  if (verbose && Array.isArray(answer.segments)) {
    const segments = answer.segments.map((segment) => ({
      start: segment.start,
      end: segment.end,
      text: String(segment.text ?? ''),
    }));
    return { segments, billedSeconds };
  }
  return { segments: [{ start: 0, end: pieceSeconds, text: answer.text ?? '' }], billedSeconds };
}
