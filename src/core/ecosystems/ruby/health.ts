// Health probe with Ruby's own net/http: the runtime images have no curl.
import type { HealthProbe } from '../../generate/dockerfile/render';

export const rubyHealth: HealthProbe = ({ url, port, path }) => ['ruby', '-e', path
  ? `require 'net/http'; exit Net::HTTP.get_response(URI('${url}')).is_a?(Net::HTTPSuccess) ? 0 : 1`
  : `require 'socket'; TCPSocket.new('127.0.0.1', ${port}).close`];
